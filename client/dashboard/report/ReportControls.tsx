import type { ReportState } from './report-query'
import type { CsiDefinition, ScaleMapping } from './report-format'
import { csiName, humanizeKey, scaleName } from './report-format'

type Props = {
  state: ReportState
  segments: readonly { key: string; label: string }[]
  onChange: (next: ReportState) => void
}

/** The report's options; the page keeps them in its address so a link shows the same report. */
export function ReportControls({ state, segments, onChange }: Props) {
  return (
    <form
      className="report-controls"
      aria-label="Report options"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="results-control">
        <label htmlFor="report-csi">Index definition</label>
        <select
          id="report-csi"
          value={state.csi}
          onChange={(e) => onChange({ ...state, csi: e.currentTarget.value as CsiDefinition })}
        >
          {(Object.keys(csiName) as CsiDefinition[]).map((k) => (
            <option key={k} value={k}>
              {csiName[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="results-control">
        <label htmlFor="report-scale">Scale mapping</label>
        <select
          id="report-scale"
          value={state.scale}
          onChange={(e) => onChange({ ...state, scale: e.currentTarget.value as ScaleMapping })}
        >
          {(Object.keys(scaleName) as ScaleMapping[]).map((k) => (
            <option key={k} value={k}>
              {scaleName[k]}
            </option>
          ))}
        </select>
      </div>
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
