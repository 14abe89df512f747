import { humanizeKey } from '../../lib/format'
import { CsiOptionsFields } from '../waves/CsiOptionsFields'
import type { ReportState } from './report-query'
import { csiName, scaleName } from './report-format'

type Props = {
  state: ReportState
  segments: readonly { key: string; label: string }[]
  onChange: (next: ReportState) => void
}

const names = { csi: csiName, scale: scaleName }

/** The report's options; the page keeps them in its address so a link shows the same report. */
export function ReportControls({ state, segments, onChange }: Props) {
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
    </form>
  )
}
