import { useEffect } from 'react'
import { api, readError } from '../../api'
// Ahead of the views: each page's own sheet, imported by its view, refines these shared rules.
import './results.css'
import { CommentsView } from '../comments/CommentsView'
import { audienceLabel, formatDate, waveStateLabel } from '../ui/labels'
import { GapsView } from '../gaps/GapsView'
import { Link } from '../ui/Link'
import { LoadFailed } from '../ui/Notice'
import { ReportView } from '../report/ReportView'
import type { WaveView } from '../shell/routes'
import { waveHref } from '../shell/routes'
import { StateBadge } from '../ui/StateBadge'
import { TrendView } from '../trend/TrendView'
import { PeriodView } from '../periods/PeriodView'
import type { WaveDetail } from '../shell/api-types'
import { useLoad } from '../ui/use-load'
import '../../charts/register-charts'
import './wave-page.css'

const viewLabel: Record<WaveView, string> = {
  report: 'Report',
  gaps: 'Perception gaps',
  trend: 'Trend',
  periods: 'By period',
  comments: 'Comments',
}

/**
 * Which of a wave's pages apply: gaps compare an employee wave with customers; a continuous wave
 * (reported per month or quarter) has its periods.
 */
export function viewsOf(detail: WaveDetail): WaveView[] {
  if (detail.wave.audience === 'employee') return ['report', 'gaps', 'trend', 'comments']
  return detail.wave.reportingPeriod
    ? ['report', 'periods', 'trend', 'comments']
    : ['report', 'trend', 'comments']
}

/** A wave's report pages under one heading and one set of tabs. */
export default function WavePage({ id, view }: { id: string; view: WaveView }) {
  const detail = useLoad(
    async (signal) => {
      const res = await api.api.waves[':id'].$get({ param: { id } }, { init: { signal } })
      if (!res.ok) throw await readError(res)
      return res.json()
    },
    [id],
  )
  const d = detail.data
  useEffect(() => {
    document.title = `${d ? `${viewLabel[view]} · ${d.wave.name}` : viewLabel[view]} · CSI Toolkit`
  }, [d, view])

  if (detail.error && !d)
    return (
      <>
        <h1>Wave</h1>
        <LoadFailed what="wave" error={detail.error} reload={detail.reload} />
      </>
    )
  if (!d)
    return (
      <p className="muted" aria-busy="true">
        Loading the wave…
      </p>
    )
  const views = viewsOf(d)
  const w = d.wave
  const opens = formatDate(w.opensAt)
  const closes = formatDate(w.closedAt ?? w.closesAt)
  return (
    <div className="wave-page">
      <header className="wave-head">
        <p className="wave-head__crumbs">
          <Link to="/">Overview</Link> <span aria-hidden="true">›</span> {audienceLabel(w.audience)}
        </p>
        <h1>{w.name}</h1>
        <p className="wave-head__meta">
          <StateBadge tone={w.state}>{waveStateLabel[w.state]}</StateBadge>
          {opens && <span>Opens {opens}</span>}
          {closes && (
            <span>
              {w.state === 'closed' ? 'Closed' : 'Closes'} {closes}
            </span>
          )}
          {w.reportingPeriod && <span>Continuous: reported by {w.reportingPeriod}</span>}
          <span>
            {w.responses} {w.responses === 1 ? 'response' : 'responses'}
            {/* Received, not shown: an employee report reads its latest release. */}
            {w.audience === 'employee' && ' received'}
          </span>
        </p>
        <nav aria-label="Wave pages" className="wave-tabs">
          <ul>
            {views.map((v) => (
              <li key={v}>
                <Link to={waveHref(id, v)} aria-current={v === view ? 'page' : undefined}>
                  {viewLabel[v]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {view === 'report' ? (
        <ReportView detail={d} />
      ) : view === 'gaps' && views.includes('gaps') ? (
        <GapsView detail={d} />
      ) : view === 'trend' ? (
        <TrendView detail={d} />
      ) : view === 'periods' && d.wave.audience !== 'employee' ? (
        <PeriodView detail={d} onChanged={detail.reload} />
      ) : view === 'comments' ? (
        <CommentsView detail={d} />
      ) : (
        <p>Perception gaps compare an employee wave with customers; open the employee wave.</p>
      )}
    </div>
  )
}
