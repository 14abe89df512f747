import type { FormEvent } from 'react'
import type { ApiFailure } from '../../api'
import { Dialog } from './Dialog'
import { DialogActions } from './DialogActions'
import { ReminderRuleFields } from './ReminderRuleFields'

type Rule = { afterDays: number; max: number }

type Props = {
  wave: { name: string; remindAfterDays: number; maxReminders: number }
  busy: boolean
  error: ApiFailure | null
  onSend: (rule: Rule) => void
  onClose: () => void
}

/** Reminders with the wave's rule, which can be changed for this send. */
export function RemindDialog({ wave, busy, error, onSend, onClose }: Props) {
  const issue = (path: string) => error?.issues.find((i) => i.path === path)?.message
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const data = new FormData(e.currentTarget)
    // An emptied field goes as null (NaN in JSON), so the server names it rather than read 0.
    const whole = (name: string) => (data.get(name) === '' ? NaN : Number(data.get(name)))
    onSend({ afterDays: whole('afterDays'), max: whole('max') })
  }
  return (
    <Dialog title={`Send reminders for “${wave.name}”`} onClose={onClose} busy={busy}>
      <form onSubmit={submit} noValidate>
        <p>
          A reminder goes to each invitee who has not answered or opted out, whose last email was
          long enough ago, and who has not had the most reminders yet. Each gets their own link
          again.
        </p>
        {error && error.issues.length === 0 && (
          <p className="dialog__error" role="alert">
            {error.message}
          </p>
        )}
        <ReminderRuleFields
          idPrefix="remind"
          names={{ afterDays: 'afterDays', max: 'max' }}
          defaults={{ afterDays: wave.remindAfterDays, max: wave.maxReminders }}
          errors={{ afterDays: issue('afterDays'), max: issue('max') }}
          required
          autoFocus
        />
        <DialogActions
          submit="Send reminders"
          busyLabel="Queuing…"
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  )
}
