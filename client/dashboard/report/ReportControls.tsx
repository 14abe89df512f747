import { humanizeKey } from '../../lib/format'
import { CsiOptionsFields } from '../waves/CsiOptionsFields'
import type { ReportState } from './report-query'
import { csiName, scaleName } from './report-format'

type Props = {
  state: ReportState
  segments: readonly { key: string; label: string }[]
  /** An employee wave: one breakdown at most, and the page says why. */
  anonymous: boolean
  onChange: (next: ReportState) => void
}

const names = { csi: csiName, scale: scaleName }

/** The report's options; the page keeps them in its address so a link shows the same report. */
export function ReportControls({ state, segments, anonymous, onChange }: Props) {
  const only = anonymous ? segments[0] : undefined
  return (
    <form
      className="report-controls"
      aria-label="Report options"
      onSubmit={(e) => e.preventDefault()}
    >
      <CsiOptionsFields idPrefix="report" state={state} names={names} onChange={onChange} />
      <div className="results-control">
        <label htmlFor="report-by">Break down by</label>
        <select
          id="report-by"
          value={state.by[0] ?? ''}
          disabled={segments.length === 0}
          aria-describedby={anonymous ? 'report-by-hint' : undefined}
          onChange={(e) => {
            const v = e.currentTarget.value
            onChange({ ...state, by: v ? [v] : [] })
          }}
        >
          <option value="">{segments.length ? 'No breakdown' : 'No segment questions'}</option>
          {segments.map((s) => (
            <option key={s.key} value={s.key}>
              {humanizeKey(s.key)}
            </option>
          ))}
        </select>
      </div>
      {anonymous && (
        <p id="report-by-hint" className="report-controls__hint">
          {only
            ? `Staff results break down by ${humanizeKey(only.key).toLowerCase()} only: with a second grouping, one could be subtracted from the other to single out a few people.`
            : 'Staff results are not broken down: this survey asks no segment question.'}
        </p>
      )}
    </form>
  )
}
