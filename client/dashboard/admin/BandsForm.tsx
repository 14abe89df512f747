import type { FormEvent } from 'react'
import { useState } from 'react'
import { scaleName } from '../report/report-format'
import { FieldError } from '../ui/FieldError'
import { FormSubmit } from '../ui/FormSubmit'
import { useFormErrors } from '../ui/use-form-errors'
import type { Bands, BandsField } from './bands-check'
import { checkBands, scaleChoices } from './bands-check'
import { saveBands } from './settings-api'

const order: BandsField[] = ['strength', 'adequate', 'scale']

/** The admin's form for the band cut-offs and the default scale; the server checks them again. */
export function BandsForm({ current, onSaved }: { current: Bands; onSaved: (b: Bands) => void }) {
  const { form, errors, setErrors, setProblem, problem, show, fail, errorId, describedBy } =
    useFormErrors(order, 'bands-')
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const data = new FormData(e.currentTarget)
    setProblem('')
    const { errors: found, value } = checkBands({
      strength: String(data.get('strength') ?? ''),
      adequate: String(data.get('adequate') ?? ''),
      scale: String(data.get('scale') ?? ''),
    })
    if (!value) return show(found)
    setErrors({})
    setBusy(true)
    try {
      onSaved(await saveBands(value))
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }

  const cutOff = (name: 'strength' | 'adequate', label: string, hint: string) => (
    <div className="field settings-field">
      <label htmlFor={`bands-${name}`}>{label}</label>
      <input
        id={`bands-${name}`}
        name={name}
        type="text"
        inputMode="decimal"
        defaultValue={current[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, `bands-${name}-hint`)}
      />
      <p id={`bands-${name}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldError id={errorId(name)} message={errors[name]} />
    </div>
  )

  return (
    <form ref={form} onSubmit={submit} noValidate className="settings-form">
      {cutOff(
        'strength',
        'Strength from',
        'A score out of 10 at or above this is a strength. From 0 to 10, one decimal.',
      )}
      {cutOff(
        'adequate',
        'Adequate from',
        'At or above this, below the strength cut-off, is adequate; lower is a concern.',
      )}
      <div className="field settings-field settings-scale">
        <label htmlFor="bands-scale">Scale</label>
        <select
          id="bands-scale"
          name="scale"
          defaultValue={current.scale}
          aria-invalid={errors.scale ? true : undefined}
          aria-describedby={describedBy('scale', 'bands-scale-hint')}
        >
          {scaleChoices.map((s) => (
            <option key={s} value={s}>
              {scaleName[s]}
            </option>
          ))}
        </select>
        <p id="bands-scale-hint" className="field-hint">
          How a 1–5 mean becomes a score out of 10 when a report does not choose one.
        </p>
        <FieldError id={errorId('scale')} message={errors.scale} />
      </div>
      <FormSubmit problem={problem} busy={busy} label="Save bands" busyLabel="Saving…" />
    </form>
  )
}
