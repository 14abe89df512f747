import { Field } from '../ui/Field'

type Rule = { afterDays: number; max: number }

type Props = {
  /** The inputs' ids are `<idPrefix>-after` and `<idPrefix>-max`. */
  idPrefix: string
  /** The form's field names: the API's own, so that its refusals land on the right field. */
  names: Record<keyof Rule, string>
  defaults: Rule
  errors: Partial<Record<keyof Rule, string>>
  /** Sending needs both numbers; a new wave takes the server's default for an empty one. */
  required?: boolean
  autoFocus?: boolean
}

/** A reminder rule (days since the last email, most per person) within the server's bounds. */
export function ReminderRuleFields(p: Props) {
  const number = (key: keyof Rule, max: number) => (a11y: object) => (
    <input
      {...a11y}
      name={p.names[key]}
      type="number"
      inputMode="numeric"
      min={0}
      max={max}
      required={p.required}
      defaultValue={p.defaults[key]}
      data-autofocus={(p.autoFocus && key === 'afterDays') || undefined}
    />
  )
  return (
    <div className="field-row">
      <Field
        id={`${p.idPrefix}-after`}
        label="Days since the last email"
        error={p.errors.afterDays}
      >
        {number('afterDays', 365)}
      </Field>
      <Field id={`${p.idPrefix}-max`} label="Most reminders per person" error={p.errors.max}>
        {number('max', 10)}
      </Field>
    </div>
  )
}
