import type { FormEvent } from 'react'
import { useState } from 'react'
import { api, readError } from '../../api'
import { Field } from '../ui/Field'
import { useAction } from '../ui/use-action'
import { periodChoices } from './period-model'

type Period = 'month' | 'quarter' | null

/** A manager changes how a wave reports: pooled, or per month or quarter (aggregates rebuilt). */
export function ReportingPeriodForm(p: { waveId: string; current: Period; onSaved: () => void }) {
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState(false)
  const fieldError = error?.issues.find((i) => i.path === 'reportingPeriod')?.message

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    setSaved(false)
    const value = String(new FormData(e.currentTarget).get('reportingPeriod') ?? '')
    const done = await run(async () => {
      const res = await api.api.waves[':id'].$patch({
        param: { id: p.waveId },
        json: { reportingPeriod: value === 'month' || value === 'quarter' ? value : null },
      })
      if (!res.ok) throw await readError(res)
      return res.json()
    })
    if (!done) return
    setSaved(true)
    p.onSaved()
  }

  return (
    <form className="card periods-setting" onSubmit={submit} aria-labelledby="period-setting-title">
      <h2 id="period-setting-title">Reporting period</h2>
      {error && !fieldError && (
        <p className="dialog__error" role="alert">
          {error.message}
        </p>
      )}
      <Field
        id="period-setting"
        label="Report this wave"
        hint="Changing it recounts every response so far in the period it was submitted in."
        error={fieldError}
      >
        {(a11y) => (
          <select {...a11y} name="reportingPeriod" defaultValue={p.current ?? ''}>
            {periodChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <p role="status" className="muted periods-setting__status">
          {saved && 'Saved.'}
        </p>
      </div>
    </form>
  )
}
