import { humanizeKey, percent } from '../../lib/format'
import { audienceLabel } from '../ui/labels'
import { TableFrame } from '../ui/TableFrame'
import { BandBadge } from './BandBadge'
import type { AnyGroup } from './report-model'
import { segmentTables } from './report-model'
import { audiencePlural, csiFigure, csiInterval } from './report-format'

type Props = {
  groups: readonly AnyGroup[]
  by: readonly string[]
  segmentLabels: Record<string, string>
  /** The survey's text for each answer value, per segment column. */
  segmentValues: Record<string, Record<string, string>>
  /** This wave's audience: its table comes first. */
  audience: string
}

/** One table per breakdown and audience: each value's CSI, interval and band, or why it is hidden. */
export function SegmentPanel({ groups, by, segmentLabels, segmentValues, audience }: Props) {
  return (
    <section className="report-section" aria-labelledby="segments-title">
      <h2 id="segments-title">Segments</h2>
      {segmentTables(groups, by).map(({ column, groups: rows }) => {
        const name = humanizeKey(column)
        const audiences = [...new Set(rows.map((g) => g.audience))].sort(
          (a, b) => Number(b === audience) - Number(a === audience),
        )
        return (
          <div key={column} className="report-segment">
            <h3>By {name.toLowerCase()}</h3>
            {segmentLabels[column] && (
              <p className="muted report-segment__question">Question: {segmentLabels[column]}</p>
            )}
            {rows.length === 0 && <p className="muted">No answers carry a {name.toLowerCase()}.</p>}
            {audiences.map((a) => (
              <SegmentTable
                key={a}
                column={column}
                title={audiences.length > 1 ? audienceLabel(audiencePlural(a)) : null}
                rows={rows.filter((g) => g.audience === a)}
                values={segmentValues[column] ?? {}}
              />
            ))}
          </div>
        )
      })}
    </section>
  )
}

function SegmentTable(p: {
  column: string
  title: string | null
  rows: readonly AnyGroup[]
  values: Record<string, string>
}) {
  const name = humanizeKey(p.column)
  const shown = p.rows.find((g) => !g.suppressed)
  const unit = shown && !shown.suppressed ? csiFigure(shown.csi).unit : '/100'
  const rates = p.rows.some((g) => !g.suppressed && g.responseRate?.rr1 != null)
  const label = `CSI by ${name.toLowerCase()}${p.title ? `, ${p.title.toLowerCase()}` : ''}`
  return (
    <>
      {p.title && <h4 className="report-segment__audience">{p.title}</h4>}
      <TableFrame aria-label={label}>
        <table className="data-table report-table segment-table">
          <thead>
            <tr>
              <th scope="col">{name}</th>
              <th scope="col" className="num">
                n
              </th>
              <th scope="col">CSI {unit} (95% CI)</th>
              <th scope="col">Band</th>
              {rates && (
                <th scope="col" className="num">
                  RR1
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((g) => (
              <tr key={g.segment!.value}>
                <th scope="row">{p.values[g.segment!.value] ?? humanizeKey(g.segment!.value)}</th>
                {g.suppressed ? (
                  <td colSpan={rates ? 4 : 3} className="suppressed">
                    <strong>Suppressed</strong> <span className="muted">{g.reason}</span>
                  </td>
                ) : (
                  <>
                    <td className="num">{g.csi.n ?? g.n}</td>
                    <td>
                      <span className="seg-csi">
                        <strong>{csiFigure(g.csi).value}</strong>{' '}
                        <span className="muted report-nowrap">{csiInterval(g.csi)}</span>
                      </span>
                    </td>
                    <td>
                      <BandBadge band={g.csi.band} />
                    </td>
                    {rates && <td className="num">{percent(g.responseRate?.rr1)}</td>}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  )
}
