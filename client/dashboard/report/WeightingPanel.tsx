import { useState } from 'react'
import { api, readError } from '../../api'
import { fixed } from '../../lib/format'
import { bandName, type Band } from './report-format'

type Weighting = {
  method: 'post-stratification' | 'raking'
  variables: readonly string[]
  n: number
  effectiveN: number
  deff: number
  maxWeight: number
  trimAt: number
  trimmed: number
  iterations: number | null
  converged: boolean | null
  ciMethod: string
}
type Csi = { score10: number | null; band: Band | null; mean: number | null }
export type WeightedTotal = { weighting: Weighting; unweighted: { csi: Csi } }

export type WeightingPanelTotal = (Partial<WeightedTotal> & { csi: Csi }) | null

type Props = {
  waveId: string
  /** The audience total as served: weighted when `weighting` is present. */
  total: WeightingPanelTotal
  warnings: readonly string[]
  canEdit: boolean
  onChanged: () => void
}

const score = (c: Csi) =>
  c.score10 === null
    ? 'withheld'
    : `${fixed(c.score10, 1)}/10${c.band ? ` ${bandName[c.band]}` : ''}`

/**
 * Weighting to the population (reports/README.md, "Weighting"): what the report is weighted to,
 * the design effect and effective n, the unweighted CSI beside the weighted one, and an upload of
 * the population file (the two forms `csi report --weights` reads) or its removal.
 */
export function WeightingPanel({ waveId, total, warnings, canEdit, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const w = total?.weighting
  const skipped = warnings.find((x) => x.startsWith('weighting skipped'))
  const send = async (run: () => Promise<Response>) => {
    setBusy(true)
    setError(null)
    try {
      const res = await run()
      if (!res.ok) throw await readError(res)
      onChanged()
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const upload = async (file: File | undefined) => {
    if (!file) return
    const csv = await file.text()
    await send(() => api.api.waves[':id'].population.$put({ param: { id: waveId }, json: { csv } }))
  }
  return (
    <section className="card report-section weighting" aria-labelledby="weighting-title">
      <h2 id="weighting-title">Weighting to the population</h2>
      {w && total ? (
        <>
          <p>
            <strong>Weighted</strong> by {w.method === 'raking' ? 'raking' : 'post-stratification'}{' '}
            on {w.variables.join(w.method === 'raking' ? ', ' : ' × ')}: {w.n} respondents count as{' '}
            {fixed(w.effectiveN, 1)} (design effect {fixed(w.deff, 2)}), largest weight{' '}
            {fixed(w.maxWeight, 2)}, {w.trimmed} trimmed above {w.trimAt} × the median
            {w.iterations !== null &&
              `, ${w.iterations} passes${w.converged ? '' : ' (did not converge)'}`}
            .
          </p>
          <dl className="weighting__csi">
            <div>
              <dt>Weighted CSI</dt>
              <dd>{score(total.csi)}</dd>
            </div>
            <div>
              <dt>Unweighted CSI</dt>
              <dd>{total.unweighted ? score(total.unweighted.csi) : '–'}</dd>
            </div>
          </dl>
          <p className="muted">
            Intervals: {w.ciMethod}. Gaps use the weighted means; importance is not weighted.
          </p>
        </>
      ) : (
        <p className="muted">
          {skipped ??
            'Not weighted. Upload known population shares to weight the CSI and the attribute table.'}
        </p>
      )}
      {canEdit && (
        <div className="weighting__actions">
          <label className="button button--quiet">
            {w ? 'Replace population file' : 'Upload population file (CSV)'}
            <input
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              disabled={busy}
              onChange={(e) => void upload(e.currentTarget.files?.[0])}
            />
          </label>
          {w && (
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() =>
                void send(() => api.api.waves[':id'].population.$delete({ param: { id: waveId } }))
              }
            >
              Remove weighting
            </button>
          )}
          <span className="muted weighting__help">
            Columns <code>variable,value,share</code> (margins, raking) or one column per segment
            question plus <code>share</code> or <code>count</code> (cells, post-stratification).
          </span>
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  )
}
