import type { RuleDraft } from './rule-edit'

type Props = {
  rule: RuleDraft
  n: number
  attributes: readonly { key: string; label: string }[]
  onChange: (next: RuleDraft) => void
  onRemove: () => void
}

/** One condition: which answer, and the score at or below which it raises a follow-up. */
export function RuleRow({ rule, n, attributes, onChange, onRemove }: Props) {
  const id = `rule-${rule.id}`
  return (
    <li className="rule-row">
      <div className="rule-row__field">
        <label htmlFor={`${id}-field`}>
          <span className="visually-hidden">Rule {n}: </span>When
        </label>
        <select
          id={`${id}-field`}
          value={rule.field}
          onChange={(e) => onChange({ ...rule, field: e.currentTarget.value })}
        >
          <option value="overall">Overall satisfaction</option>
          <option value="rebuy">Intention to buy again</option>
          <option value="any_attribute">Any attribute</option>
          {attributes.length > 0 && (
            <optgroup label="A specific attribute">
              {attributes.map((a) => (
                <option key={a.key} value={`attribute:${a.key}`}>
                  {a.label}
                </option>
              ))}
            </optgroup>
          )}
          <option value="comment">A comment is left (any score)</option>
        </select>
      </div>
      {rule.field === 'comment' ? (
        <p className="rule-row__note">raises a follow-up</p>
      ) : (
        <div className="rule-row__max">
          <label htmlFor={`${id}-max`}>
            <span className="visually-hidden">Rule {n}: </span>is at or below
          </label>
          <select
            id={`${id}-max`}
            value={rule.max}
            onChange={(e) => onChange({ ...rule, max: e.currentTarget.value })}
          >
            {[1, 2, 3, 4, 5].map((v) => (
              <option key={v} value={v}>
                {v} of 5
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        className="button button--quiet button--small button--danger-quiet rule-row__remove"
        onClick={onRemove}
      >
        Remove<span className="visually-hidden"> rule {n}</span>
      </button>
    </li>
  )
}
