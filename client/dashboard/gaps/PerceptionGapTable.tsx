import { DASH, fixed, formatP, interval, signed } from '../../lib/format'
import type { GapRow } from './gap-model'
import { capitalize, labelOf } from './gap-model'
import { sentence } from './words'
import { TableFrame } from '../ui/TableFrame'
import { VerdictBadge } from './VerdictBadge'

type Props = {
  rows: readonly GapRow[]
  labels: Record<string, string>
  other: string
  method: string
}

function Mean({ m, n }: { m: number | null; n: number | null }) {
  if (m === null) return <>{DASH}</>
  return (
    <span className="gaps-table__value">
      {fixed(m, 2)}
      {n !== null && <span className="gaps-table__ci">n {n}</span>}
    </span>
  )
}

/** The gap of each attribute with its test, effect size and verdict. */
export function PerceptionGapTable({ rows, labels, other, method }: Props) {
  const adjusted = method === 'bh' ? 'p (BH-adjusted)' : 'p (Holm-adjusted)'
  const head = {
    staff: 'Staff mean',
    other: `${capitalize(other)} mean`,
    gap: 'Gap (95%\u00a0CI)',
    p: adjusted,
    g: 'Hedges g',
    verdict: 'Verdict',
  }
  return (
    <TableFrame aria-labelledby="gaps-table-title">
      <table className="data-table results-table gaps-table">
        <caption className="visually-hidden">
          Perception gaps per attribute: means on the 1–5 scale, gap = staff minus {other}
        </caption>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col" className="num">
              {head.staff}
            </th>
            <th scope="col" className="num">
              {head.other}
            </th>
            <th scope="col" className="num">
              {head.gap}
            </th>
            <th scope="col" className="num">
              {head.p}
            </th>
            <th scope="col" className="num">
              {head.g}
            </th>
            <th scope="col">{head.verdict}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key} data-verdict={r.verdict}>
              <th scope="row">{labelOf(labels, r.key)}</th>
              {r.verdict === 'suppressed' ? (
                <td colSpan={5} className="gaps-table__withheld" data-label="Figures">
                  Withheld. {sentence(r.reason)}.
                </td>
              ) : (
                <>
                  <td className="num" data-label={head.staff}>
                    <Mean m={r.meanA} n={r.nA} />
                  </td>
                  <td className="num" data-label={head.other}>
                    <Mean m={r.meanB} n={r.nB} />
                  </td>
                  <td className="num" data-label={head.gap} data-cell="gap">
                    <span className="gaps-table__value">
                      <strong>{signed(r.gap)}</strong>
                      <span className="gaps-table__ci">
                        {r.ciGapLow === null
                          ? 'no interval'
                          : interval(r.ciGapLow, r.ciGapHigh, 2, true)}
                      </span>
                    </span>
                  </td>
                  <td className="num" data-label={head.p} data-cell="p">
                    {r.pAdjusted === null ? 'no test' : formatP(r.pAdjusted)}
                  </td>
                  <td className="num" data-label={head.g} data-cell="g">
                    {r.g === null ? (
                      DASH
                    ) : (
                      <span className="gaps-table__value">
                        {fixed(r.g, 2)}
                        <span className="gaps-table__ci">{r.magnitudeG}</span>
                      </span>
                    )}
                  </td>
                </>
              )}
              <td data-label={head.verdict} data-cell="verdict">
                <span className="gaps-table__value">
                  <VerdictBadge verdict={r.verdict} />
                  {r.ordinalDisagrees && (
                    <span className="gaps-table__note">ordinal test disagrees</span>
                  )}
                  {r.verdict === 'descriptive-only' && r.reason && (
                    <span className="gaps-table__note">{sentence(r.reason)}</span>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  )
}
