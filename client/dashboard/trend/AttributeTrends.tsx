import { Link } from '../ui/Link'
import { waveHref } from '../shell/routes'
import type { WaveDetail } from '../shell/api-types'
import { TableFrame } from '../ui/TableFrame'
import { ChangeCell, ScoreCell, TrendBand } from './TrendCells'
import type { TrendChange, TrendData, TrendState } from './trend-model'
import { trendSearch } from './trend-model'

/** Every attribute at the latest wave with a value, with its change; each links to its trend. */
export function AttributeTrends({
  data,
  detail,
  state,
  latest,
  single,
}: {
  data: TrendData
  detail: WaveDetail
  state: TrendState
  latest: Map<string, TrendChange>
  single: boolean
}) {
  const last = [...data.points].reverse().find((p) => !p.suppressed && p.n !== null)
  if (!last || data.keys.length === 0) return null
  const href = (show: string) =>
    waveHref(detail.wave.id, 'trend', trendSearch({ ...state, show }, detail.wave.audience))
  return (
    <section className="trend-section" aria-labelledby="trend-attrs-title">
      <h2 id="trend-attrs-title">Every attribute in {last.name}</h2>
      <p className="results-intro">
        {single
          ? 'Scores /10 with their 95% confidence interval. Choose an attribute to show it above.'
          : 'Scores /10 with the change from the previous wave; p adjusted (Holm) for testing every attribute at once. Choose an attribute to see its trend.'}
      </p>
      <TableFrame aria-labelledby="trend-attrs-title">
        <table className="data-table results-table trend-table trend-table--attrs">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col" className="num">
                Score /10 (95%&nbsp;CI)
              </th>
              <th scope="col">Band</th>
              {!single && <th scope="col">Change from the previous wave</th>}
            </tr>
          </thead>
          <tbody>
            {data.keys.map((key) => {
              const v = last.attributes[key] ?? null
              const c = latest.get(key)
              const row = {
                point: last,
                value: v,
                score: v?.score10 ?? null,
                low: v?.score10Low ?? null,
                high: v?.score10High ?? null,
                change: c ?? null,
              }
              return (
                <tr key={key} aria-current={state.show === key ? 'true' : undefined}>
                  <th scope="row">
                    <Link to={href(key)}>{data.labels[key] ?? key}</Link>
                  </th>
                  <td className="num" data-label="Score /10">
                    {v ? <ScoreCell row={row} /> : 'No answers'}
                  </td>
                  <td data-label="Band">{v ? <TrendBand band={v.band} /> : '–'}</td>
                  {!single && (
                    <td data-label="Change">{c ? <ChangeCell change={c} show={key} /> : '–'}</td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableFrame>
    </section>
  )
}
