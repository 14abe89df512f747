import { sentence } from '../gaps/words'
import { ChangeCell, ScoreCell, TrendBand } from '../trend/TrendCells'
import type { SeriesRow, TrendState } from '../trend/trend-model'
import { csiNames, unitOf } from '../trend/trend-model'
import { TableFrame } from '../ui/TableFrame'
import type { PeriodData } from './period-model'

type Props = {
  data: PeriodData
  rows: readonly SeriesRow[]
  show: string
  state: TrendState
  title: string
}

/** Period by period: responses, score with its interval, band, and the tested change. */
export function PeriodTable({ data, rows, show, state, title }: Props) {
  const step = data.reportingPeriod
  const { unit } = unitOf(show)
  return (
    <section className="trend-section" aria-labelledby="periods-table-title">
      <h2 id="periods-table-title">{step === 'month' ? 'Month by month' : 'Quarter by quarter'}</h2>
      <p className="results-intro">
        A {step} with fewer than {data.minGroup} responses is suppressed: too few to read a score
        from. Changes are tested between the {step}s that are shown.
      </p>
      <TableFrame aria-labelledby="periods-table-title">
        <table className="data-table results-table trend-table periods-table" data-show={show}>
          <caption className="visually-hidden">
            {title} {unit} per {step}, with the change from the {step} before
          </caption>
          <thead>
            <tr>
              <th scope="col">{step === 'month' ? 'Month' : 'Quarter'}</th>
              <th scope="col" className="num">
                Responses
              </th>
              <th scope="col" className="num">
                {show === 'csi' ? 'CSI' : 'Score'} {unit} (95%&nbsp;CI)
              </th>
              <th scope="col">Band</th>
              <th scope="col">Change from the {step} before</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.point.waveId} data-period={r.point.waveId}>
                <th scope="row">{r.point.name}</th>
                <td className="num" data-label="Responses">
                  {data.points[i]!.responses}
                </td>
                {r.value === null ? (
                  <td colSpan={3} className="trend-table__withheld" data-label="Figures">
                    {r.point.suppressed
                      ? `Suppressed: ${sentence(r.point.reason)}.`
                      : r.point.n === null
                        ? `${sentence(r.point.reason) || 'No responses'}.`
                        : show === 'csi'
                          ? `No index: it cannot be computed as “${csiNames[state.csi]}” for this ${step}.`
                          : 'No answers to this attribute.'}
                  </td>
                ) : (
                  <>
                    <td className="num" data-label={`Score ${unit}`} data-cell="score">
                      <ScoreCell row={r} />
                    </td>
                    <td data-label="Band">
                      <TrendBand band={r.value.band} />
                    </td>
                    <td data-label="Change" data-cell="change">
                      {r.change ? <ChangeCell change={r.change} show={show} /> : '–'}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  )
}
