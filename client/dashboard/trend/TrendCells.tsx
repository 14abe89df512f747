import { fixed, interval } from '../../lib/format'
import { BandBadge } from '../report/BandBadge'
import type { Band } from '../report/report-format'
import type { SeriesRow, TrendChange } from './trend-model'
import { changeView } from './trend-model'

/** A score with its interval underneath. */
export function ScoreCell({ row }: { row: SeriesRow }) {
  return (
    <span className="trend-cell">
      <strong>{fixed(row.score, 1)}</strong>
      <span className="trend-cell__sub">{interval(row.low, row.high, 1)}</span>
    </span>
  )
}

/** The report's band badge; a wave without a band says so in a plain one. */
export function TrendBand({ band }: { band: Band | null }) {
  return band ? <BandBadge band={band} /> : <span className="badge report-band">No band</span>
}

/** The change from the previous wave: arrow, signed difference and significance in words. */
export function ChangeCell({ change, show }: { change: TrendChange; show: string }) {
  const c = changeView(change, show)
  return (
    <span
      className={`trend-change trend-change--${c.direction}${c.significant ? ' trend-change--significant' : ''}`}
    >
      <span className="trend-change__arrow" aria-hidden="true">
        {c.arrow}
      </span>{' '}
      <strong>{c.diff}</strong> <span className="trend-change__words">{c.words}</span>
    </span>
  )
}
