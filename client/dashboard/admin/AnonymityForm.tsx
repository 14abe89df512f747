import type { FormEvent } from 'react'
import { useState } from 'react'
import { FieldError } from '../ui/FieldError'
import { FormSubmit } from '../ui/FormSubmit'
import { useFormErrors } from '../ui/use-form-errors'
import type { AnonymityField } from './anonymity-check'
import { checkAnonymity, MIN_COMMENTS_MAX, MIN_GROUP_MAX } from './anonymity-check'
import type { Anonymity } from './settings-api'
import { saveAnonymity } from './settings-api'

const order: AnonymityField[] = ['minGroup', 'minComments']

/** The admin's form for the two thresholds; the server checks the same bounds again. */
export function AnonymityForm({
  current,
  onSaved,
}: {
  current: Anonymity
  onSaved: (saved: Anonymity) => void
}) {
  const { form, errors, setErrors, problem, setProblem, show, fail, errorId, describedBy } =
    useFormErrors(order, 'anon-')
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const data = new FormData(e.currentTarget)
    setProblem('')
    const { errors: found, value } = checkAnonymity(
      {
        minGroup: String(data.get('minGroup') ?? ''),
        minComments: String(data.get('minComments') ?? ''),
      },
      current.floor,
    )
    if (!value) return show(found)
    setErrors({})
    setBusy(true)
    try {
      onSaved(await saveAnonymity(value))
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }

  const field = (name: AnonymityField, label: string, max: number, hint: string) => (
    <div className="field settings-field">
      <label htmlFor={`anon-${name}`}>{label}</label>
      <input
        id={`anon-${name}`}
        name={name}
        type="number"
        inputMode="numeric"
        min={current.floor}
        max={max}
        step={1}
        defaultValue={current[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, `anon-${name}-hint`)}
      />
      <p id={`anon-${name}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldError id={errorId(name)} message={errors[name]} />
    </div>
  )

  return (
    <form ref={form} onSubmit={submit} noValidate className="settings-form">
      {field(
        'minGroup',
        'Smallest group shown',
        MIN_GROUP_MAX,
        `The wave, or one of its groups, is shown only with at least this many responses, and new results are released only in batches of at least this many. From ${current.floor} to ${MIN_GROUP_MAX}.`,
      )}
      {field(
        'minComments',
        'Staff commenting before comments are shown',
        MIN_COMMENTS_MAX,
        `At least the smallest group: a comment says more about its writer than a score. Up to ${MIN_COMMENTS_MAX}.`,
      )}
      <FormSubmit problem={problem} busy={busy} label="Save thresholds" busyLabel="Saving…" />
    </form>
  )
}
