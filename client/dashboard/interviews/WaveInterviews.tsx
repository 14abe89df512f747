import { useState } from 'react'
import { api, readError } from '../../api'
import { ContactSearch } from './ContactSearch'
import { audienceLabel, formatDate } from '../ui/labels'
import { modeLabel } from './interview-labels'
import { InterviewDone } from './InterviewDone'
import { InterviewSetup } from './InterviewSetup'
import { InterviewSurvey } from './InterviewSurvey'
import { LoadFailed } from '../ui/Notice'
import { Steps } from './Steps'
import type { InterviewMode, Invitee, WaveSummary } from '../shell/api-types'
import { useLoad } from '../ui/use-load'

type Step =
  | { kind: 'find' }
  | { kind: 'setup'; invitee: Invitee }
  | { kind: 'interview'; invitee: Invitee; mode: InterviewMode }
  | { kind: 'done'; invitee: Invitee; mode: InterviewMode }

const stepIndex = { find: 0, setup: 1, interview: 2, done: 3 } as const

type Props = { wave: WaveSummary; onChangeWave: () => void }

export function WaveInterviews({ wave, onChangeWave }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'find' })
  const [query, setQuery] = useState('')
  // Bumped after each saved interview so the list shows the new "Responded" badge.
  const [listVersion, setListVersion] = useState(0)
  const survey = useLoad(
    async (signal) => {
      const res = await api.api.waves[':id'].survey.$get(
        { param: { id: wave.id } },
        { init: { signal } },
      )
      if (!res.ok) throw await readError(res)
      return (await res.json()).survey
    },
    [wave.id],
  )
  const backToSearch = (refresh: boolean) => {
    if (refresh) setListVersion((n) => n + 1)
    setStep({ kind: 'find' })
  }
  const closes = formatDate(wave.closesAt)

  return (
    <>
      <div className="wave-bar">
        <div>
          <p className="wave-bar__label">Wave</p>
          <p className="wave-bar__name">{wave.name}</p>
          <p className="muted">
            {audienceLabel(wave.audience)} survey{closes ? ` · closes ${closes}` : ''}
          </p>
        </div>
        <div className="wave-bar__links">
          {survey.data && (
            <a
              href={`/print/${survey.data.id}?version=${survey.data.version}`}
              target="_blank"
              rel="noopener"
            >
              Print the paper questionnaire<span className="visually-hidden"> (new tab)</span>
            </a>
          )}
          {/* Mid-interview, "Cancel interview" is the way out: it asks before dropping answers. */}
          {step.kind !== 'interview' && (
            <button type="button" className="button button--quiet" onClick={onChangeWave}>
              Change wave
            </button>
          )}
        </div>
      </div>
      <Steps
        current={stepIndex[step.kind]}
        labels={['Find the contact', 'Choose the mode', 'Interview', 'Saved']}
      />
      {step.kind === 'find' && (
        <ContactSearch
          waveId={wave.id}
          query={query}
          onQueryChange={setQuery}
          version={listVersion}
          onPick={(invitee) => setStep({ kind: 'setup', invitee })}
        />
      )}
      {step.kind === 'setup' && (
        <InterviewSetup
          invitee={step.invitee}
          onStart={(mode) => setStep({ kind: 'interview', invitee: step.invitee, mode })}
          onBack={() => backToSearch(false)}
        />
      )}
      {step.kind === 'interview' &&
        (survey.error ? (
          <LoadFailed
            what="questionnaire"
            error={survey.error}
            reload={survey.reload}
            secondary={{ label: 'Back to contacts', onClick: () => backToSearch(false) }}
          />
        ) : !survey.data ? (
          <p className="muted" aria-busy="true">
            Loading the questionnaire…
          </p>
        ) : (
          <InterviewSurvey
            waveId={wave.id}
            definition={survey.data.definition}
            invitee={step.invitee}
            mode={step.mode}
            onSaved={() => setStep({ ...step, kind: 'done' })}
            onLeave={backToSearch}
            onChangeWave={onChangeWave}
          />
        ))}
      {step.kind === 'done' && (
        <InterviewDone
          invitee={step.invitee}
          mode={modeLabel[step.mode]}
          onNext={() => backToSearch(true)}
        />
      )}
    </>
  )
}
