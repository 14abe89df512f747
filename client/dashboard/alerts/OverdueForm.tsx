import { useState } from 'react'
import { Field } from '../ui/Field'
import { useAction } from '../ui/use-action'
import { alertApi } from './alert-api'
import { SaveButton } from './SaveButton'

/** How many days a follow-up may stay open or in progress before the list calls it overdue. */
export function OverdueForm({ days }: { days: number }) {
  const [value, setValue] = useState(String(days))
  const [saved, setSaved] = useState('')
  const save = useAction()
  const issue = save.error?.issues.find((i) => i.path === 'overdueDays')?.message
  return (
    <form
      className="alert-settings__overdue"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault()
        setSaved('')
        // An emptied field goes as NaN (null in JSON), so the server names the field.
        const n = value.trim() === '' ? NaN : Number(value)
        const r = await save.run(() => alertApi.saveOverdueDays(n))
        if (r) setSaved(`Saved: a follow-up is overdue ${r.overdueDays} days after it is raised.`)
      }}
    >
      <Field
        id="alert-overdue-days"
        label="Overdue after (days)"
        hint="A follow-up not resolved this many days after it was raised is flagged as overdue. 1 to 90."
        error={issue ?? save.error?.message}
      >
        {(a11y) => (
          <div className="alert-settings__inline">
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              min={1}
              max={90}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
            />
            <SaveButton busy={save.busy} label="Save" what="the overdue days" />
          </div>
        )}
      </Field>
      <p className="alert-saved" role="status">
        {saved}
      </p>
    </form>
  )
}
