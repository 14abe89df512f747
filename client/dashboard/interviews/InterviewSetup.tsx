import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { inviteeStatusLabel, modeLabel } from './interview-labels'
import type { InterviewMode, Invitee } from '../shell/api-types'

type Props = {
  invitee: Invitee
  onStart: (mode: InterviewMode) => void
  onBack: () => void
}

const modes: readonly InterviewMode[] = ['phone', 'face_to_face']

/** Step two: confirm who is being interviewed and how; the mode is recorded with the answers. */
export function InterviewSetup({ invitee, onStart, onBack }: Props) {
  const [mode, setMode] = useState<InterviewMode | null>(null)
  const [missing, setMissing] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  function submit(e: FormEvent) {
    e.preventDefault()
    if (mode) onStart(mode)
    else setMissing(true)
  }

  return (
    <section className="card" aria-labelledby="setup-title">
      <h2 id="setup-title" ref={heading} tabIndex={-1}>
        Interview with {invitee.name || invitee.email}
      </h2>
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>{invitee.email}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{inviteeStatusLabel[invitee.status]}</dd>
        </div>
        {Object.entries(invitee.segments ?? {}).map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
      </dl>
      <form onSubmit={submit} noValidate>
        <fieldset className="choice" aria-describedby={missing ? 'mode-error' : undefined}>
          <legend>How is the interview taking place?</legend>
          <div className="choice__options">
            {modes.map((m) => (
              <label key={m} className="choice__option">
                <input
                  type="radio"
                  name="mode"
                  value={m}
                  required
                  checked={mode === m}
                  onChange={() => {
                    setMode(m)
                    setMissing(false)
                  }}
                />
                <span>{modeLabel[m]}</span>
              </label>
            ))}
          </div>
          {missing && (
            <p id="mode-error" className="form-error" role="alert">
              Choose phone or face to face before starting.
            </p>
          )}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            Start the interview
          </button>
          <button type="button" className="button button--quiet" onClick={onBack}>
            Choose another contact
          </button>
        </div>
      </form>
    </section>
  )
}
