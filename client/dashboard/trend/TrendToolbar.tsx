import { CsiOptionsFields } from '../waves/CsiOptionsFields'
import type { TrendState } from './trend-model'
import { csiNames, scaleNames } from './trend-model'

/** What the trend and period pages call the index, in their menus and titles. */
export const INDEX = 'Satisfaction index (CSI)'
const names = { csi: csiNames, scale: scaleNames }

/**
 * The options above a trend (over waves, or over a continuous wave's periods): what to show (the
 * index or one attribute), then the index definition and scale mapping.
 */
export function TrendToolbar({
  idPrefix,
  label,
  state,
  attributes,
  onChange,
}: {
  idPrefix: string
  /** The toolbar's accessible name, e.g. "Trend options". */
  label: string
  state: TrendState
  attributes: readonly { key: string; label: string }[]
  onChange: (state: TrendState) => void
}) {
  return (
    <section className="results-toolbar trend-toolbar" aria-label={label}>
      <div className="results-control">
        <label htmlFor={`${idPrefix}-show`}>Show</label>
        <select
          id={`${idPrefix}-show`}
          value={state.show}
          onChange={(e) => onChange({ ...state, show: e.target.value })}
        >
          <option value="csi">{INDEX}</option>
          <optgroup label="Attributes">
            {attributes.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <CsiOptionsFields idPrefix={idPrefix} state={state} names={names} onChange={onChange} />
    </section>
  )
}
