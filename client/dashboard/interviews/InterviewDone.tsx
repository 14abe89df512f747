import { useEffect, useRef } from 'react'
import type { Invitee } from '../shell/api-types'

type Props = { invitee: Invitee; mode: string; onNext: () => void }

/** Step four: the interview is stored; the next contact is one press away. */
export function InterviewDone({ invitee, mode, onNext }: Props) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="card card--success" aria-labelledby="done-title">
      <h2 id="done-title" ref={heading} tabIndex={-1}>
        Interview saved
      </h2>
      <p>
        The {mode.toLowerCase()} interview with {invitee.name || invitee.email} ({invitee.email}) is
        stored with the wave’s responses.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={onNext}>
          Next contact
        </button>
      </div>
    </section>
  )
}
