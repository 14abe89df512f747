import { useState } from 'react'
import { DASH, fixed, percent, range } from '../../lib/format'
import { TableFrame } from '../ui/TableFrame'
import { BandBadge } from './BandBadge'
import { MethodsLink } from './MethodsLink'
import type { AttributeRow, ImportanceSource, Sort, SortKey } from './report-model'
import { importanceOf, nextSort, servedSort, sortAttributes } from './report-model'
import type { Band, CutOffs, Flag } from './report-format'
import {
  bandMeaning,
  bandName,
  bandRule,
  flagMeaning,
  flagName,
  priorityMeaning,
  priorityName,
  quadrantName,
} from './report-format'
import type { Priority } from './report-format'

type Props = {
  rows: readonly AttributeRow[]
  labels: Record<string, string>
  source: ImportanceSource | null
  servedOrder: string
  cutOffs: CutOffs
  thresholds: { lowBase: number; maxHalfWidth: number; maxMissingShare: number }
}

export const importanceHeading: Record<ImportanceSource, string> = {
  share: 'Importance (share)',
  r: 'Importance (r)',
  stated: 'Stated importance',
}

export function formatImportance(value: number | null, source: ImportanceSource | null) {
  if (value === null || source === null) return DASH
  return source === 'share'
    ? percent(value, 1)
    : source === 'r'
      ? value.toFixed(2)
      : fixed(value, 2)
}

const bands: Band[] = ['strength', 'adequate', 'concern']

/** Strengths and weaknesses: one row per attribute, sortable; stacks into cards on a phone. */
export function AttributeTable({ rows, labels, source, servedOrder, cutOffs, thresholds }: Props) {
  const [sort, setSort] = useState<Sort>(() => servedSort(servedOrder))
  const label = (key: string) => labels[key] ?? key
  const sorted = sortAttributes(rows, sort, label, source)
  const flags = [...new Set(rows.flatMap((r) => r.flags as Flag[]))]
  const priorities = [...new Set(rows.flatMap((r) => (r.priority ? [r.priority as Priority] : [])))]

  const header = (key: SortKey, text: string, numeric = false) => (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={sort?.key === key ? sort.dir : undefined}
    >
      <button
        type="button"
        className="report-sort"
        onClick={() => setSort((s) => nextSort(s, key))}
      >
        {text}
        <span className="report-sort__icon" aria-hidden="true">
          {sort?.key !== key ? '↕' : sort.dir === 'ascending' ? '↑' : '↓'}
        </span>
      </button>
      {/* Chrome does not paint buttons in a table header repeated on the next printed page. */}
      <span className="print-only" aria-hidden="true">
        {text}
      </span>
    </th>
  )

  return (
    <>
      <TableFrame aria-label="Strengths and weaknesses table">
        <table className="data-table report-table attribute-table report-table--stack">
          <caption className="visually-hidden">
            Strengths and weaknesses: each attribute’s mean on 1–5, score /10 with its 95% interval,
            band, importance and priority. Column headers sort the table.
          </caption>
          <thead>
            <tr>
              {header('label', 'Attribute')}
              {header('n', 'n', true)}
              {header('mean', 'Mean 1–5', true)}
              <th scope="col">Score /10 (95% CI)</th>
              <th scope="col">Band</th>
              {source ? (
                header('importance', importanceHeading[source], true)
              ) : (
                <th scope="col">Importance</th>
              )}
              <th scope="col">Priority</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.key}>
                <th scope="row" data-label="Attribute">
                  {label(r.key)}
                </th>
                {r.suppressed ? (
                  <td colSpan={7} data-label="Result">
                    Suppressed{r.reason ? `: ${r.reason}` : ''}
                  </td>
                ) : (
                  <>
                    <td className="num" data-label="n">
                      {r.n ?? 0}
                    </td>
                    <td className="num" data-label="Mean 1–5">
                      {fixed(r.mean, 2)}
                    </td>
                    <td data-label="Score /10 (95% CI)">
                      {r.score10 === null ? (
                        <span className="muted">{r.n ? 'Not computed' : 'No answers'}</span>
                      ) : (
                        <span className="report-score">
                          <span className="report-score__value">{fixed(r.score10, 1)}</span>
                          <span className="report-score__ci">
                            {range(r.score10Low, r.score10High)}
                          </span>
                          <Meter value={r.score10} band={r.band} />
                        </span>
                      )}
                    </td>
                    <td data-label="Band">
                      <BandBadge band={r.band} />
                    </td>
                    <td
                      className="num"
                      data-label={source ? importanceHeading[source] : 'Importance'}
                    >
                      {formatImportance(importanceOf(r, source), source)}
                    </td>
                    <td
                      data-label="Priority"
                      title={r.quadrant ? quadrantName[r.quadrant] : undefined}
                    >
                      {r.priority ? priorityName[r.priority] : '–'}
                    </td>
                    <td data-label="Flags">
                      {r.flags.length === 0 ? (
                        <span className="muted">–</span>
                      ) : (
                        <ul className="report-flags">
                          {(r.flags as Flag[]).map((f) => (
                            <li key={f} className="report-flag">
                              {flagName[f]}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <div className="report-legend">
        <dl className="report-legend__list" aria-label="Bands">
          {bands.map((b) => (
            <div key={b}>
              <dt>
                <BandBadge band={b} />
              </dt>
              <dd>
                {bandRule(b, cutOffs)} /10: {bandMeaning[b]}
              </dd>
            </div>
          ))}
        </dl>
        {priorities.length > 0 && (
          <dl className="report-legend__list" aria-label="Priorities">
            {priorities.map((p) => (
              <div key={p}>
                <dt>{priorityName[p]}</dt>
                <dd>{priorityMeaning[p]}</dd>
              </div>
            ))}
          </dl>
        )}
        {flags.length > 0 && (
          <dl className="report-legend__list" aria-label="Flags">
            {flags.map((f) => (
              <div key={f}>
                <dt className="report-flag">{flagName[f]}</dt>
                <dd>{flagMeaning(f, thresholds)}</dd>
              </div>
            ))}
          </dl>
        )}
        <MethodsLink />
      </div>
    </>
  )
}

function Meter({ value, band }: { value: number | null; band: Band | null }) {
  if (value === null) return null
  return (
    <span className="report-meter" aria-hidden="true">
      <span
        className={`report-meter__fill report-band--${band ?? 'none'}`}
        style={{ width: `${Math.max(0, Math.min(10, value)) * 10}%` }}
        title={band ? bandName[band] : undefined}
      />
    </span>
  )
}
