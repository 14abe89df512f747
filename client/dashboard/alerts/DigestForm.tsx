import { useState } from 'react'
import { Field } from '../ui/Field'
import { useAction } from '../ui/use-action'
import type { Delivery } from './alert-api'
import { alertApi } from './alert-api'
import { hourLabel, HourOptions } from './HourOptions'
import { SaveButton } from './SaveButton'

const choices: { value: Delivery; name: string; hint: string }[] = [
  {
    value: 'each',
    name: 'One email per follow-up',
    hint: 'The owner hears of each low score the moment it comes in.',
  },
  {
    value: 'daily',
    name: 'A daily digest',
    hint: 'Once a day, one email listing the follow-ups raised since the last one; none on a day without any.',
  },
]

/** How owners hear of their follow-ups, for the whole programme; each owner may choose their own. */
export function DigestForm(props: {
  delivery: Delivery
  digestHour: number
  onSaved: (saved: { delivery: Delivery; digestHour: number }) => void
}) {
  const [delivery, setDelivery] = useState(props.delivery)
  const [hour, setHour] = useState(String(props.digestHour))
  const [saved, setSaved] = useState('')
  const save = useAction()
  const issue = (path: string) => save.error?.issues.find((i) => i.path === path)?.message
  const general = save.error && !save.error.issues.length ? save.error.message : undefined
  return (
    <form
      className="alert-settings__digest"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault()
        setSaved('')
        const r = await save.run(() =>
          alertApi.saveDelivery({ delivery, digestHour: Number(hour) }),
        )
        if (!r) return
        props.onSaved({ delivery: r.delivery, digestHour: r.digestHour })
        setSaved(
          r.delivery === 'daily'
            ? `Saved: owners get a daily digest from ${hourLabel(r.digestHour)} UTC.`
            : 'Saved: owners get one email per follow-up.',
        )
      }}
    >
      <fieldset className="delivery-choice" aria-describedby="alert-delivery-error">
        <legend>How owners hear of follow-ups</legend>
        {choices.map((c) => (
          <label key={c.value} className="delivery-choice__option">
            <input
              type="radio"
              name="delivery"
              value={c.value}
              checked={delivery === c.value}
              onChange={() => setDelivery(c.value)}
            />
            <span>
              <span className="delivery-choice__name">{c.name}</span>
              <span className="delivery-choice__hint">{c.hint}</span>
            </span>
          </label>
        ))}
        <p id="alert-delivery-error" className="field__error">
          {issue('delivery')}
        </p>
      </fieldset>
      <Field
        id="alert-digest-hour"
        label="Digest sent from (UTC)"
        hint="The first scheduled run after this hour sends the day’s digests (UTC, every 15 minutes on the server)."
        error={issue('digestHour')}
      >
        {(a11y) => (
          <select {...a11y} value={hour} onChange={(e) => setHour(e.currentTarget.value)}>
            <HourOptions />
          </select>
        )}
      </Field>
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      <SaveButton busy={save.busy} label="Save how owners hear" />
      <p className="alert-saved" role="status">
        {saved}
      </p>
    </form>
  )
}
