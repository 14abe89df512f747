import { DASH, humanizeKey } from '../../lib/format'
import { TableFrame } from '../ui/TableFrame'
import { BandBadge } from './BandBadge'
import type { Attitude, AttitudeTable as Table } from './attitude-model'
import { attitudeTables } from './attitude-model'

type Props = {
  attitude: Attitude
  segmentValues: Record<string, Record<string, string>>
  /** The programme's anonymity threshold: the smallest group shown. */
  minGroup: number
}

/** HR's table of how staff see their own job: all staff, then each group of the breakdown. */
export function AttitudeSection({ attitude, segmentValues, minGroup }: Props) {
  const tables = attitudeTables(attitude, segmentValues)
  if (tables.length === 0) return null
  const all = tables.filter((t) => !t.column)
  const groups = tables.filter((t) => t.column)
  const column = groups[0]?.column
  return (
    <section className="report-section attitude" aria-labelledby="attitude-title">
      <h2 id="attitude-title">Staff attitude</h2>
      <p className="muted section-intro">
        How staff see their own job: how satisfied and proud they are, whether they have the
        training and tools they need, and so on, each rated from 1 (strongly disagree) to 5
        (strongly agree). The figures come from the released results only and are for HR: they are
        never compared with customers. Top-2 box is the share who agree or strongly agree (4 or 5).
        To protect anonymity, an item answered by fewer than {minGroup} staff in a group is
        withheld.
      </p>
      {all.map((t) => (
        <GroupTable key={t.group} table={t} heading="h3" />
      ))}
      {column && (
        <div className="attitude__groups">
          <h3>By {humanizeKey(column).toLowerCase()}</h3>
          {groups.map((t) => (
            <GroupTable key={t.group} table={t} heading="h4" />
          ))}
        </div>
      )}
    </section>
  )
}

const columns = ['n', 'Mean 1–5 (95% CI)', 'Score /10 and band', 'Top-2 box (95% CI)']

function GroupTable({ table, heading: H }: { table: Table; heading: 'h3' | 'h4' }) {
  const id = `attitude-${table.group.replace(/[^a-z0-9]+/gi, '-')}`
  const who = table.column
    ? `${humanizeKey(table.column).toLowerCase()} ${table.title}`
    : 'all staff'
  return (
    <div className="attitude__group">
      <H id={id} className="attitude__title">
        {table.title}
      </H>
      {table.allWithheld ? (
        <p className="muted attitude__withheld-all">
          Every item is withheld here to protect anonymity: too few staff in this group answered
          them, or showing them would let a smaller group be worked out by subtraction.
        </p>
      ) : (
        <TableFrame aria-labelledby={id}>
          <table className="data-table report-table attitude-table report-table--stack">
            <caption className="visually-hidden">
              Staff attitude, {who}: for each statement, the number of answers, the mean on 1–5 with
              its 95% interval, the score /10 with its band, and the share agreeing (top-2 box) with
              its 95% interval.
            </caption>
            <thead>
              <tr>
                <th scope="col">Statement</th>
                {columns.map((c, i) => (
                  <th key={c} scope="col" className={i === 0 ? 'num' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.lines.map((l) => (
                <tr key={l.key} className={`attitude-row--${l.kind}`}>
                  <th scope="row" data-label="Statement">
                    {l.label}
                  </th>
                  {l.kind === 'withheld' ? (
                    <td colSpan={4} data-label="Result" className="attitude-withheld">
                      <strong>Withheld</strong> <span className="muted">{l.reason}</span>
                    </td>
                  ) : l.kind === 'none' ? (
                    <>
                      <td className="num" data-label={columns[0]}>
                        0
                      </td>
                      <td colSpan={3} data-label="Result" className="muted">
                        <span aria-hidden="true">{DASH} </span>Nobody answered
                      </td>
                    </>
                  ) : (
                    <>
                      <td className="num" data-label={columns[0]}>
                        {l.n}
                      </td>
                      <td data-label={columns[1]}>
                        <span className="attitude-figure">
                          <strong>{l.mean}</strong> <span className="muted">{l.meanCi}</span>
                        </span>
                      </td>
                      <td data-label={columns[2]}>
                        <span className="attitude-figure">
                          <strong>{l.score10}</strong> <BandBadge band={l.band} />
                        </span>
                      </td>
                      <td data-label={columns[3]}>
                        <span className="attitude-figure">
                          <strong>{l.top2}</strong> <span className="muted">{l.top2Ci}</span>
                        </span>
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </div>
  )
}
