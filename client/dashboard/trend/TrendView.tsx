import { api, readError } from '../../api'
import { formatDate } from '../ui/labels'
import { sentence } from '../gaps/words'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate, useLocation } from '../shell/router'
import { waveHref } from '../shell/routes'
import type { WaveDetail } from '../shell/api-types'
import { getBands } from '../admin/settings-api'
import { useLoad } from '../ui/use-load'
import { TableFrame } from '../ui/TableFrame'
import { AttributeTrends } from './AttributeTrends'
import { ChangeCell, ScoreCell, TrendBand } from './TrendCells'
import { TrendChart } from './TrendChart'
import { INDEX, TrendToolbar } from './TrendToolbar'
import type { TrendData, TrendState } from './trend-model'
import {
  csiNames,
  latestChanges,
  readTrendState,
  scaleNames,
  trendSearch,
  trendSeries,
  unitOf,
} from './trend-model'
import './trend.css'

/** CSI and attribute scores over the waves of this wave's survey, with tested changes. */
export function TrendView({ detail }: { detail: WaveDetail }) {
  const { query } = useLocation()
  const id = detail.wave.id
  const audience = detail.wave.audience
  const attributes = detail.labels.attributes
  // The scale starts at the programme's, as on the report (linear should it fail to load).
  const bands = useLoad(getBands, [])
  const defaultScale = bands.data?.scale ?? (bands.error ? 'linear' : null)
  const state = readTrendState(query, {
    audience,
    attributes: attributes.map((a) => a.key),
    defaultScale: defaultScale ?? 'linear',
  })
  const trend = useLoad(
    async (signal) => {
      if (!defaultScale) return null
      const res = await api.api.waves[':id'].trend.$get(
        { param: { id }, query: { csi: state.csi, scale: state.scale } },
        { init: { signal } },
      )
      if (!res.ok) throw await readError(res)
      return res.json()
    },
    [id, state.csi, state.scale, defaultScale],
  )
  const go = (s: TrendState) =>
    navigate(waveHref(id, 'trend', trendSearch(s, audience, defaultScale ?? 'linear')), {
      replace: true,
    })

  return (
    <div className="results trend">
      <TrendToolbar
        idPrefix="trend"
        label="Trend options"
        state={state}
        attributes={attributes}
        onChange={go}
      />
      {trend.error ? (
        <LoadFailed what="trend" error={trend.error} reload={trend.reload} />
      ) : !trend.data ? (
        <p className="muted" aria-busy="true">
          Loading the trend…
        </p>
      ) : (
        <div className="results__body" aria-busy={trend.loading}>
          <TrendBody data={trend.data} state={state} detail={detail} />
        </div>
      )}
    </div>
  )
}

function TrendBody({
  data,
  state,
  detail,
}: {
  data: TrendData
  state: TrendState
  detail: WaveDetail
}) {
  const show = state.show
  const title = show === 'csi' ? INDEX : (data.labels[show] ?? show)
  const { unit } = unitOf(show)
  const rows = trendSeries(data, show)
  const single = data.points.length === 1
  const valued = rows.filter((r) => r.score !== null).length
  const latest = latestChanges(data)
  const significant = rows.filter((r) => r.change?.significant).length
  const tested = rows.filter((r) => r.change).length

  return (
    <>
      {single && (
        <Notice tone="info" title="This is the first wave of this survey">
          <p>
            The trend starts with the next one: each later wave of this survey will be set beside
            this one, and its changes tested for significance.
          </p>
        </Notice>
      )}
      {!single && valued === 0 && (
        <Notice tone="info" title={`No values for ${title}`}>
          <p>
            {show === 'csi'
              ? `The index cannot be computed as “${csiNames[state.csi]}” for these waves: choose another index definition.`
              : 'No wave has enough answers for this attribute.'}
          </p>
        </Notice>
      )}
      {!single && valued > 0 && (
        <section className="card trend-chart-card" aria-labelledby="trend-chart-title">
          <h2 id="trend-chart-title">
            {title} <span className="trend-unit">{unit}</span>
          </h2>
          <p className="results-intro">
            {show === 'csi' && `Index: ${csiNames[state.csi]}. `}
            Scale mapping: {scaleNames[state.scale]}. Whiskers show the 95% confidence interval of
            each wave.{' '}
            {significant > 0
              ? 'Large triangles mark a significant change from the previous wave (▲ up, ▼ down).'
              : tested > 0
                ? 'No change between waves is statistically significant.'
                : 'No two consecutive waves have values to compare yet.'}
          </p>
          <TrendChart rows={rows} show={show} title={title} />
        </section>
      )}

      <section className="trend-section" aria-labelledby="trend-table-title">
        <h2 id="trend-table-title">Wave by wave</h2>
        <TableFrame aria-labelledby="trend-table-title">
          <table className="data-table results-table trend-table" data-show={show}>
            <caption className="visually-hidden">
              {title} {unit} per wave, with the change from the previous wave
            </caption>
            <thead>
              <tr>
                <th scope="col">Wave</th>
                <th scope="col">In the field</th>
                <th scope="col" className="num">
                  n
                </th>
                <th scope="col" className="num">
                  {show === 'csi' ? 'CSI' : 'Score'} {unit} (95%&nbsp;CI)
                </th>
                <th scope="col">Band</th>
                {!single && <th scope="col">Change from the previous wave</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.point.waveId} data-wave={r.point.waveId}>
                  <th scope="row">{r.point.name}</th>
                  <td data-label="In the field">{formatDate(r.point.fieldedAt)}</td>
                  {r.value === null ? (
                    <td
                      colSpan={single ? 3 : 4}
                      className="trend-table__withheld"
                      data-label="Figures"
                    >
                      {r.point.suppressed
                        ? `Suppressed. ${sentence(r.point.reason)}.`
                        : r.point.n === null
                          ? `${sentence(r.point.reason) || 'No responses'}.`
                          : show === 'csi'
                            ? `No index: it cannot be computed as “${csiNames[state.csi]}” for this wave.`
                            : 'No answers to this attribute.'}
                    </td>
                  ) : (
                    <>
                      <td className="num" data-label="n">
                        {r.value.n}
                      </td>
                      <td className="num" data-label={`Score ${unit}`} data-cell="score">
                        <ScoreCell row={r} />
                      </td>
                      <td data-label="Band">
                        <TrendBand band={r.value.band} />
                      </td>
                      {!single && (
                        <td data-label="Change" data-cell="change">
                          {r.change ? <ChangeCell change={r.change} show={show} /> : '–'}
                        </td>
                      )}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>

      <AttributeTrends data={data} detail={detail} state={state} latest={latest} single={single} />
    </>
  )
}
