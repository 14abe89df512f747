import { fixed, formatP, signed } from '../../lib/format'
import { audienceLabel } from '../ui/labels'
import { TableFrame } from '../ui/TableFrame'
import type { WaveReport } from '../shell/api-types'
import type { Group } from './report-model'
import { totalOf } from './report-model'
import type { Verdict } from './report-format'
import { audiencePlural, verdictText } from './report-format'

/** One tested comparison: each attribute's /10 for both audiences, the gap, p and verdict. */
export function AudienceGapTable(p: { report: WaveReport; mine: string; theirs: string }) {
  const { report, mine, theirs } = p
  const a = totalOf(report, theirs)
  const b = totalOf(report, mine)
  const gaps = report.gaps.filter((g) => g.groupA === theirs && g.groupB === mine)
  const adjust = report.config.pAdjust === 'bh' ? 'BH' : 'Holm'
  const score = (g: Group | null, key: string) =>
    g?.attributes.find((r) => r.key === key)?.score10 ?? null
  const alpha = report.config.gapThresholds.alpha
  const A = audiencePlural(theirs)
  const B = audiencePlural(mine)
  return (
    <div className="gap-pair">
      <h3>
        {audienceLabel(A)} compared with {B}
      </h3>
      {gaps.length === 0 ? (
        <p className="muted">No attribute was asked of both audiences with answers to compare.</p>
      ) : (
        <TableFrame aria-label={`Attribute gaps, ${A} compared with ${B}`}>
          <table className="data-table report-table gap-table report-table--stack">
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col" className="num">
                  {audienceLabel(B)} /10
                </th>
                <th scope="col" className="num">
                  {audienceLabel(A)} /10
                </th>
                <th scope="col" className="num">
                  Difference /10
                </th>
                <th scope="col" className="num">
                  p ({adjust})
                </th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr key={g.key} className={`report-verdict--${verdictTone(g, alpha)}`}>
                  <th scope="row" data-label="Attribute">
                    {report.labels.attributes[g.key] ?? g.key}
                  </th>
                  <td className="num" data-label={`${audienceLabel(B)} /10`}>
                    {fixed(score(b, g.key), 1)}
                  </td>
                  <td className="num" data-label={`${audienceLabel(A)} /10`}>
                    {fixed(score(a, g.key), 1)}
                  </td>
                  <td className="num" data-label="Difference /10">
                    {signed(g.gap10, 1)}
                  </td>
                  <td className="num" data-label={`p (${adjust})`}>
                    {formatP(g.pAdjusted)}
                  </td>
                  <td data-label="Verdict">
                    <span className="report-verdict">
                      {verdictText({ ...g, verdict: g.verdict as Verdict }, A, B, alpha)}
                    </span>
                    {g.reason && <span className="muted"> ({g.reason})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </div>
  )
}

/** A `none` verdict that is still significant after adjustment reads as "small but real". */
function verdictTone(g: { verdict: string; pAdjusted: number | null }, alpha: number) {
  return g.verdict === 'none' && g.pAdjusted !== null && g.pAdjusted < alpha ? 'small' : g.verdict
}

/** How the gaps are tested and what the verdicts mean, with the report's thresholds. */
export function AudienceGapLegend({ report }: { report: WaveReport }) {
  const th = report.config.gapThresholds
  const adjust = report.config.pAdjust === 'bh' ? 'Benjamini–Hochberg' : 'Holm'
  return (
    <p className="muted report-legend__note">
      Difference = the other audience minus this one, on /10. Each difference is tested with Welch’s
      t-test; p is adjusted ({adjust}) for testing every attribute of a comparison at once. A large
      gap is at least {th.minGap} points on the 1–5 scale, significant after adjustment (p &lt;{' '}
      {th.alpha}), with an effect size (Hedges’ g) of {th.minG} or more; a smaller gap that is still
      significant is “small but real”.
    </p>
  )
}
