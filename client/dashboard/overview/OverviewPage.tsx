import { useEffect, useRef, useState } from 'react'
import { api, readError } from '../../api'
import { Link } from '../ui/Link'
import { LoadFailed, Notice } from '../ui/Notice'
import { CreateWaveDialog } from './CreateWaveDialog'
import { surveyApi } from '../surveys/survey-api'
import { surveyChoices } from './surveys'
import { useLoad } from '../ui/use-load'
import { WaveTable } from './WaveTable'

// While email is going out, the overview refreshes its figures this often.
const POLL_MS = 3000

/** Signed-in landing: where to key interviews, and the waves this user runs. */
export function OverviewPage() {
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState('')
  const note = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    document.title = 'Overview · CSI Toolkit'
  }, [])
  const waves = useLoad(async (signal) => {
    const res = await api.api.waves.$get(undefined, { init: { signal } })
    if (!res.ok) throw await readError(res)
    return (await res.json()).waves
  }, [])

  // The programme's surveys this user may run (the server filters by role), newest version each.
  const programme = useLoad((signal) => surveyApi.list(signal), [])
  const surveys = surveyChoices(programme.data ?? [])

  const sending = waves.data?.some((w) => w.delivery.queued > 0) ?? false
  const reload = waves.reload
  useEffect(() => {
    if (!sending) return
    const timer = setInterval(() => document.hidden || reload(), POLL_MS)
    return () => clearInterval(timer)
  }, [sending])

  const create = surveys.length > 0 && (
    <button type="button" className="button" onClick={() => setCreating(true)}>
      Create wave
    </button>
  )

  return (
    <>
      <h1>Overview</h1>
      <section className="card card--feature" aria-labelledby="interviews-title">
        <div>
          <h2 id="interviews-title">Interviews</h2>
          <p className="muted">Key a contact’s answers during a phone or face-to-face interview.</p>
        </div>
        <Link to="/interview" className="button">
          Start interviewing
        </Link>
      </section>
      <section aria-labelledby="waves-title">
        <div className="section-head">
          <h2 id="waves-title">Waves</h2>
          {waves.data && waves.data.length > 0 && create}
        </div>
        <p ref={note} className="overview-note" role="status" tabIndex={-1}>
          {created}
          {waves.error &&
            waves.data &&
            `The figures could not be refreshed: ${waves.error.message}`}
        </p>
        {waves.error && !waves.data ? (
          <LoadFailed what="waves" error={waves.error} reload={waves.reload} heading="h3" />
        ) : !waves.data ? (
          <p className="muted" aria-busy="true">
            Loading the waves…
          </p>
        ) : waves.data.length === 0 ? (
          <Notice tone="info" title="No waves yet" heading="h3">
            <p>
              A wave is one round of a survey, with its contacts and dates. Create the first one,
              then import its contacts and send the invitations.
            </p>
            {create && <div className="actions">{create}</div>}
          </Notice>
        ) : (
          <WaveTable
            waves={waves.data}
            onChanged={() => {
              setCreated('')
              waves.reload()
            }}
          />
        )}
      </section>
      {creating && (
        <CreateWaveDialog
          surveys={surveys}
          onClose={() => {
            setCreating(false)
            // The empty state's button is gone once the first wave exists: focus the news instead.
            requestAnimationFrame(() => {
              if (document.activeElement === document.body) note.current?.focus()
            })
          }}
          onCreated={(r) => {
            setCreated(`Created “${r.wave.name}”. Next: import its contacts.`)
            waves.reload()
          }}
        />
      )}
    </>
  )
}
