import { useState } from 'react'
import { audienceLabel } from '../ui/labels'
import { Field } from '../ui/Field'
import { useAction } from '../ui/use-action'
import { StateBadge } from '../ui/StateBadge'
import type { Acknowledgement } from './alert-api'
import { alertApi } from './alert-api'

/** One audience's acknowledgement email: edit the subject and text, or go back to the default. */
export function AcknowledgementForm({ initial }: { initial: Acknowledgement }) {
  const [ack, setAck] = useState(initial)
  const [subject, setSubject] = useState(initial.subject)
  const [body, setBody] = useState(initial.body)
  const [saved, setSaved] = useState('')
  const save = useAction()
  const id = `ack-${ack.audience}`
  const issue = (path: string) => save.error?.issues.find((i) => i.path === path)?.message
  const changed = subject !== ack.subject || body !== ack.body

  const store = async (text: { subject: string; body: string } | null, done: string) => {
    setSaved('')
    const r = await save.run(() => alertApi.saveAcknowledgement(ack.audience, text))
    if (!r) return
    setAck(r)
    setSubject(r.subject)
    setBody(r.body)
    setSaved(done)
  }

  return (
    <form
      className="ack-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void store({ subject, body }, 'Saved: new acknowledgements use this text.')
      }}
    >
      <h4 id={`${id}-title`} className="ack-form__title">
        {audienceLabel(ack.audience)}s{' '}
        <StateBadge tone={ack.custom ? 'custom' : 'default'}>
          {ack.custom ? 'Your text' : 'Default text'}
        </StateBadge>
      </h4>
      {save.error && save.error.issues.length === 0 && (
        <p className="form-error" role="alert">
          {save.error.message}
        </p>
      )}
      <Field id={`${id}-subject`} label="Subject" error={issue('subject')}>
        {(a11y) => (
          <input
            {...a11y}
            value={subject}
            maxLength={200}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${id}-body`} label="Text" error={issue('body')}>
        {(a11y) => (
          <textarea
            {...a11y}
            className="alert-textarea"
            rows={8}
            value={body}
            maxLength={5000}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={save.busy || !changed}>
          {save.busy ? 'Saving…' : 'Save'}
          <span className="visually-hidden"> the {ack.audience} email</span>
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={save.busy || !ack.custom}
          onClick={() => void store(null, 'Back to the default text.')}
        >
          Reset to default<span className="visually-hidden"> ({ack.audience} email)</span>
        </button>
        <p className="alert-saved" role="status">
          {saved}
        </p>
      </div>
    </form>
  )
}
