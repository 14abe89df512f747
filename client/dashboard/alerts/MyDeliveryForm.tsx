import { useState } from 'react'
import { Field } from '../ui/Field'
import { useAction } from '../ui/use-action'
import type { Delivery } from './alert-api'
import { alertApi } from './alert-api'
import { hourLabel } from './HourOptions'
import { SaveButton } from './SaveButton'

/** The signed-in owner's own choice, over the programme's. */
export function MyDeliveryForm(props: {
  mine: Delivery | null
  delivery: Delivery
  digestHour: number
}) {
  const [value, setValue] = useState<string>(props.mine ?? '')
  const [saved, setSaved] = useState('')
  const save = useAction()
  const programme =
    props.delivery === 'daily'
      ? `a daily digest from ${hourLabel(props.digestHour)} UTC`
      : 'one email per follow-up'
  return (
    <form
      className="alert-settings__mine"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault()
        setSaved('')
        const r = await save.run(() => alertApi.saveMine((value || null) as Delivery | null))
        if (r)
          setSaved(
            r.mine
              ? 'Saved: your own choice applies to you.'
              : `Saved: ${programme}, as for everyone.`,
          )
      }}
    >
      <Field
        id="alert-mine"
        label="Your own follow-up emails"
        hint={`For the follow-ups you own. The programme’s choice is ${programme}.`}
        error={
          save.error?.issues.find((i) => i.path === 'delivery')?.message ?? save.error?.message
        }
      >
        {(a11y) => (
          <div className="alert-settings__inline">
            <select {...a11y} value={value} onChange={(e) => setValue(e.currentTarget.value)}>
              <option value="">As the programme says</option>
              <option value="each">One email per follow-up</option>
              <option value="daily">A daily digest</option>
            </select>
            <SaveButton busy={save.busy} label="Save" what="your own choice" />
          </div>
        )}
      </Field>
      <p className="alert-saved" role="status">
        {saved}
      </p>
    </form>
  )
}
