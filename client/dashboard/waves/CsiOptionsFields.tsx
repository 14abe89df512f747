import type { CsiDefinition, ScaleMapping } from '../report/report-format'

type CsiOptions = { csi: CsiDefinition; scale: ScaleMapping }

type Props<S extends CsiOptions> = {
  /** Prefixes the selects' ids, so that each page's labels point at its own. */
  idPrefix: string
  state: S
  /** The choices' names as the page words them. */
  names: { csi: Record<CsiDefinition, string>; scale: Record<ScaleMapping, string> }
  onChange: (next: S) => void
}

/** How the index is computed: its definition, and how 1–5 answers map onto 0–10. */
export function CsiOptionsFields<S extends CsiOptions>({
  idPrefix,
  state,
  names,
  onChange,
}: Props<S>) {
  return (
    <>
      <Choice
        id={`${idPrefix}-csi`}
        label="Index definition"
        value={state.csi}
        names={names.csi}
        onChange={(csi) => onChange({ ...state, csi })}
      />
      <Choice
        id={`${idPrefix}-scale`}
        label="Scale mapping"
        value={state.scale}
        names={names.scale}
        onChange={(scale) => onChange({ ...state, scale })}
      />
    </>
  )
}

type ChoiceProps<K extends string> = {
  id: string
  label: string
  value: K
  names: Record<K, string>
  onChange: (next: K) => void
}

function Choice<K extends string>({ id, label, value, names, onChange }: ChoiceProps<K>) {
  return (
    <div className="results-control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as K)}>
        {(Object.keys(names) as K[]).map((k) => (
          <option key={k} value={k}>
            {names[k]}
          </option>
        ))}
      </select>
    </div>
  )
}
