import type { FormEvent } from 'react'
import { useState } from 'react'
import { FormSubmit } from '../ui/FormSubmit'
import { useAction } from '../ui/use-action'
import type { AlertDetail, AlertStatus } from './alert-api'
import { alertApi } from './alert-api'
import { statuses, statusLabel } from './alert-format'

type Props = {
  alert: AlertDetail['alert']
  onSaved: (r: Pick<AlertDetail, 'alert' | 'notes'>) => void
}

const hint: Record<AlertStatus, string> = {
  open: 'Nobody has taken it up yet.',
  in_progress: 'Someone is on it: the contact has been reached or is being.',
  resolved: 'Dealt with. It can be reopened.',
}

/** Move a follow-up along (Open → In progress → Resolved, or back) and note what was done. */
export function FollowUpForm({ alert, onSaved }: Props) {
  const [status, setStatus] = useState<AlertStatus>(alert.status)
  const [note, setNote] = useState('')
  const [saved, setSaved] = useState('')
  const [problem, setProblem] = useState('')
  const save = useAction()

  async function submit(e: FormEvent) {
    e.preventDefault()
    setSaved('')
    const moved = status !== alert.status
    const text = note.trim()
    if (!moved && !text) return setProblem('Choose another status or write a note first.')
    setProblem('')
    const r = await save.run(() =>
      alertApi.change(alert.id, { ...(moved && { status }), ...(text && { note: text }) }),
    )
    if (!r) return
    onSaved(r)
    setNote('')
    const reopened = moved && alert.status === 'resolved'
    const what = moved
      ? reopened
        ? `Reopened as “${statusLabel[status]}”`
        : `Moved to “${statusLabel[status]}”`
      : ''
    setSaved(what && text ? `${what}, with your note.` : what ? `${what}.` : 'Note added.')
  }

  const error = problem || save.error?.message
  return (
    <section className="card alert-act" aria-labelledby="alert-act-title">
      <h2 id="alert-act-title">Follow up</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="alert-status-choice">
          <legend>Status</legend>
          {statuses.map((s) => (
            <label key={s} className="alert-status-choice__option">
              <input
                type="radio"
                name="status"
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
              />
              <span>
                <span className="alert-status-choice__name">
                  {statusLabel[s]}
                  {s === alert.status && <span className="muted"> · current</span>}
                </span>
                <span className="alert-status-choice__hint">{hint[s]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="alert-note">Note</label>
          <textarea
            className="alert-textarea"
            id="alert-note"
            rows={4}
            maxLength={5000}
            value={note}
            aria-describedby="alert-note-hint"
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <p id="alert-note-hint" className="field__hint">
            What you did or agreed, for the history. Only dashboard users see it.
          </p>
        </div>
        <FormSubmit problem={error ?? ''} busy={save.busy} label="Save" busyLabel="Saving…">
          <p className="alert-saved" role="status">
            {saved}
          </p>
        </FormSubmit>
      </form>
    </section>
  )
}
