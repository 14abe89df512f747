import type { Band } from './report-format'
import { bandMeaning, bandName } from './report-format'

/** A band in words (the colour only repeats them); `meaning` adds "needs attention" etc. */
export function BandBadge({ band, meaning = false }: { band: Band | null; meaning?: boolean }) {
  if (!band)
    return (
      <span className="muted" title="No band: no score">
        –
      </span>
    )
  return (
    <span className={`badge report-band report-band--${band}`}>
      {bandName[band]}
      {meaning && <span className="report-band__meaning"> · {bandMeaning[band]}</span>}
    </span>
  )
}
