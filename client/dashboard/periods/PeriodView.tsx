import { api, readError } from '../../api'
import { getBands } from '../admin/settings-api'
import { navigate, useLocation } from '../shell/router'
import { waveHref } from '../shell/routes'
import type { WaveDetail } from '../shell/api-types'
import { TrendChart } from '../trend/TrendChart'
import type { TrendState } from '../trend/trend-model'
import {
  csiNames,
  readTrendState,
  scaleNames,
  trendSearch,
  trendSeries,
  unitOf,
} from '../trend/trend-model'
import { LoadFailed, Notice } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import type { PeriodData } from './period-model'
import { asTrendData, hasResponses } from './period-model'
import { PeriodTable } from './PeriodTable'
import { ReportingPeriodForm } from './ReportingPeriodForm'
import { INDEX, TrendToolbar } from '../trend/TrendToolbar'
import '../trend/trend.css'
import './periods.css'

/** A continuous wave's index and attribute scores per month or quarter, changes tested. */
export function PeriodView({ detail, onChanged }: { detail: WaveDetail; onChanged: () => void }) {
  const { query } = useLocation()
  const { id, audience, reportingPeriod } = detail.wave
  const attributes = detail.labels.attributes
  const bands = useLoad(getBands, [])
  const defaultScale = bands.data?.scale ?? (bands.error ? 'linear' : null)
  const state = readTrendState(query, {
    audience,
    attributes: attributes.map((a) => a.key),
    defaultScale: defaultScale ?? 'linear',
  })
  const periods = useLoad(
    async (signal) => {
      if (!defaultScale || !reportingPeriod) return null
      const res = await api.api.waves[':id'].periods.$get(
        { param: { id }, query: { csi: state.csi, scale: state.scale } },
        { init: { signal } },
      )
      if (!res.ok) throw await readError(res)
      return res.json()
    },
    [id, state.csi, state.scale, defaultScale, reportingPeriod],
  )
  const go = (s: TrendState) =>
    navigate(waveHref(id, 'periods', trendSearch(s, audience, defaultScale ?? 'linear')), {
      replace: true,
    })
  const form = detail.can.manage && (
    <ReportingPeriodForm waveId={id} current={reportingPeriod} onSaved={onChanged} />
  )

  if (!reportingPeriod)
    return (
      <div className="results periods">
        <Notice tone="info" title="This wave is reported as one pool">
          <p>
            A wave that stays open for long, fed by invitations from your CRM, can report each month
            or quarter on its own: every response then counts in the period it was submitted in
            (UTC), and each period’s index is compared with the one before.
          </p>
        </Notice>
        {form}
      </div>
    )

  return (
    <div className="results periods">
      <TrendToolbar
        idPrefix="periods"
        label="Period options"
        state={state}
        attributes={attributes}
        onChange={go}
      />
      {periods.error ? (
        <LoadFailed what="periods" error={periods.error} reload={periods.reload} />
      ) : !periods.data ? (
        <p className="muted" aria-busy="true">
          Loading the periods…
        </p>
      ) : (
        <div className="results__body" aria-busy={periods.loading}>
          <PeriodBody data={periods.data} state={state} />
        </div>
      )}
      {form}
    </div>
  )
}

function PeriodBody({ data, state }: { data: PeriodData; state: TrendState }) {
  const step = data.reportingPeriod
  const show = state.show
  const title = show === 'csi' ? INDEX : (data.labels[show] ?? show)
  const { unit } = unitOf(show)
  const trend = asTrendData(data)
  const rows = trendSeries(trend, show)
  const valued = rows.filter((r) => r.score !== null).length
  const significant = rows.filter((r) => r.change?.significant).length
  const tested = rows.filter((r) => r.change).length

  if (!hasResponses(data))
    return (
      <Notice tone="info" title="No responses yet">
        <p>
          This wave reports by {step}. Each {step}’s index appears here once {data.minGroup} or more
          responses were submitted in it, with the change from the {step} before tested for
          significance.
        </p>
      </Notice>
    )

  return (
    <>
      {valued === 0 ? (
        <Notice tone="info" title={`No ${step} to show yet for ${title}`}>
          <p>
            A {step} is shown once it has at least {data.minGroup} responses
            {show === 'csi' ? ` and the index can be computed as “${csiNames[state.csi]}”` : ''}.
          </p>
        </Notice>
      ) : (
        <section className="card trend-chart-card" aria-labelledby="periods-chart-title">
          <h2 id="periods-chart-title">
            {title} by {step} <span className="trend-unit">{unit}</span>
          </h2>
          <p className="results-intro">
            {show === 'csi' && `Index: ${csiNames[state.csi]}. `}
            Scale mapping: {scaleNames[state.scale]}. Each response counts in the {step} it was
            submitted in (UTC). Whiskers show the 95% confidence interval.{' '}
            {significant > 0
              ? `Large triangles mark a significant change from the ${step} before (▲ up, ▼ down).`
              : tested > 0
                ? `No change between ${step}s is statistically significant.`
                : `No two ${step}s have values to compare yet.`}
          </p>
          <TrendChart rows={rows} show={show} title={title} step={step} />
        </section>
      )}

      <PeriodTable data={data} rows={rows} show={show} state={state} title={title} />
    </>
  )
}
