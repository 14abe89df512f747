import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { Dialog } from './Dialog'
import { DialogActions } from './DialogActions'
import { Field } from '../ui/Field'
import { OpenLinkCopy } from './OpenLinkCopy'
import { ReminderRuleFields } from './ReminderRuleFields'
import type { CreatedWave } from './wave-admin-api'
import { waveAdmin } from './wave-admin-api'
import { useAction } from '../ui/use-action'
import { periodChoices } from '../periods/period-model'

type Props = {
  surveys: readonly { id: string; label: string }[]
  onCreated: (created: CreatedWave) => void
  onClose: () => void
}

const fields = [
  'surveyId',
  'name',
  'opensAt',
  'closesAt',
  'remindAfterDays',
  'maxReminders',
  'reportingPeriod',
]
const today = () => new Date().toISOString().slice(0, 10)
const periodOf = (v: string) => (v === 'month' || v === 'quarter' ? v : null)

/** Creates a wave from a survey, with the options and the rules of `csi wave create`. */
export function CreateWaveDialog({ surveys, onCreated, onClose }: Props) {
  const { busy, error, run } = useAction()
  const [created, setCreated] = useState<CreatedWave | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const summary = useRef<HTMLParagraphElement>(null)
  const fieldError: Record<string, string> = {}
  for (const i of error?.issues ?? []) if (fields.includes(i.path)) fieldError[i.path] ??= i.message
  const otherIssues = (error?.issues ?? []).filter((i) => !fields.includes(i.path))

  useEffect(() => {
    if (!error) return
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
    ;(invalid ?? summary.current)?.focus()
  }, [error])

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const data = new FormData(e.currentTarget)
    const text = (name: string) => String(data.get(name) ?? '').trim()
    const whole = (name: string) => (text(name) === '' ? undefined : Number(text(name)))
    const result = await run(() =>
      waveAdmin.create({
        surveyId: text('surveyId'),
        name: text('name'),
        opensAt: text('opensAt') || null,
        closesAt: text('closesAt') || null,
        remindAfterDays: whole('remindAfterDays'),
        maxReminders: whole('maxReminders'),
        openLink: data.get('openLink') === 'on',
        reportingPeriod: periodOf(text('reportingPeriod')),
      }),
    )
    if (!result) return
    onCreated(result)
    if (result.openLink) setCreated(result)
    else onClose()
  }

  if (created?.openLink)
    return (
      <Dialog title="Wave created" onClose={onClose}>
        <OpenLinkCopy name={created.wave.name} link={created.openLink} />
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    )

  return (
    <Dialog title="Create a wave" onClose={onClose} busy={busy}>
      <form ref={form} onSubmit={submit} noValidate>
        {error && (
          <p ref={summary} className="dialog__error" role="alert" tabIndex={-1}>
            {error.issues.length > 0
              ? 'The wave was not created: correct what is marked below.'
              : error.message}
            {otherIssues.map((i) => (
              <span key={i.path + i.message} className="dialog__error-line">
                {i.path}: {i.message}
              </span>
            ))}
          </p>
        )}
        <Field id="cw-survey" label="Survey" error={fieldError.surveyId}>
          {(a11y) => (
            <select {...a11y} name="surveyId" defaultValue={surveys[0]?.id}>
              {surveys.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="cw-name"
          label="Name"
          hint="For example “2026 Q4 customers”."
          error={fieldError.name}
        >
          {(a11y) => <input {...a11y} name="name" type="text" maxLength={200} data-autofocus />}
        </Field>
        <div className="field-row">
          <Field
            id="cw-opens"
            label="Opens (optional)"
            hint="Empty: open now."
            error={fieldError.opensAt}
          >
            {(a11y) => <input {...a11y} name="opensAt" type="date" />}
          </Field>
          <Field
            id="cw-closes"
            label="Closes (optional)"
            hint="Links stop working at the end of this day (UTC)."
            error={fieldError.closesAt}
          >
            {(a11y) => <input {...a11y} name="closesAt" type="date" min={today()} />}
          </Field>
        </div>
        <Field
          id="cw-period"
          label="Results"
          hint="A continuous wave stays open for long (fed by invitations from your CRM) and reports each month or quarter, by submission date (UTC). Not for employee surveys."
          error={fieldError.reportingPeriod}
        >
          {(a11y) => (
            <select {...a11y} name="reportingPeriod" defaultValue="">
              {periodChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="dialog__group">
          <legend>Reminders</legend>
          <p className="field__hint">The defaults “Send reminders” offers for this wave.</p>
          <ReminderRuleFields
            idPrefix="cw"
            names={{ afterDays: 'remindAfterDays', max: 'maxReminders' }}
            defaults={{ afterDays: 3, max: 2 }}
            errors={{ afterDays: fieldError.remindAfterDays, max: fieldError.maxReminders }}
          />
        </fieldset>
        <label className="check">
          <input type="checkbox" name="openLink" aria-describedby="cw-open-link-hint" />
          <span>
            Also create a public link
            <span id="cw-open-link-hint" className="field__hint">
              One response per visit: for a QR code, a newsletter or a shop counter.
            </span>
          </span>
        </label>
        <DialogActions submit="Create wave" busyLabel="Creating…" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  )
}
