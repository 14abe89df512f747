import type { Draft, RowErrors } from './catalogue-edit'
import { audienceNames, audiences, keyFromLabel } from './catalogue-edit'

type Props = {
  draft: Draft
  index: number
  count: number
  errors?: RowErrors
  onChange: (draft: Draft) => void
  onMove: (to: number) => void
  onRemove: () => void
}

/** One catalogue item, edited in place: its key (new items only), wording, kind and audiences. */
export function ItemRow({ draft, index, count, errors = {}, onChange, onMove, onRemove }: Props) {
  const id = (field: string) => `${draft.id}-${field}`
  const name = draft.label.trim() || draft.key || `item ${index + 1}`
  const invalid = (field: keyof RowErrors) => (errors[field] ? true : undefined)
  const described = (field: keyof RowErrors, hint?: string) =>
    [hint, errors[field] && id(`${field}-error`)].filter(Boolean).join(' ') || undefined
  const error = (field: keyof RowErrors) =>
    errors[field] && (
      <p id={id(`${field}-error`)} className="field-error">
        {errors[field]}
      </p>
    )
  const attitude = draft.kind === 'attitude'
  return (
    <li className="catalogue-item" data-row={draft.id} aria-labelledby={id('title')}>
      <h3 id={id('title')} className="visually-hidden">
        Item {index + 1}: {name}
      </h3>
      <span className="catalogue-item__number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="catalogue-item__label catalogue-field">
        <label htmlFor={id('label')}>Label</label>
        {/* A textarea so a long label wraps in the narrow column; it stays one line of text. */}
        <textarea
          id={id('label')}
          value={draft.label}
          rows={1}
          maxLength={200}
          aria-invalid={invalid('label')}
          aria-describedby={described('label')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault()
          }}
          onChange={(e) => {
            const label = e.target.value.replace(/[\r\n]+/g, ' ')
            const key = draft.fresh && !draft.keyTyped ? keyFromLabel(label) : draft.key
            onChange({ ...draft, label, key })
          }}
        />
        {error('label')}
      </div>
      <div className="catalogue-item__description catalogue-field">
        <label htmlFor={id('description')}>
          Description <span className="catalogue-optional">(optional)</span>
        </label>
        <textarea
          id={id('description')}
          value={draft.description}
          rows={1}
          maxLength={500}
          placeholder="Optional"
          aria-invalid={invalid('description')}
          aria-describedby={described('description')}
          onChange={(e) => onChange({ ...draft, description: e.target.value })}
          onBlur={(e) => e.currentTarget.scrollTo(0, 0)}
        />
        {error('description')}
      </div>
      <div
        className={`catalogue-item__key catalogue-field${draft.fresh ? ' catalogue-item__key--new' : ''}`}
      >
        {draft.fresh ? (
          <>
            <label htmlFor={id('key')}>Key</label>
            <input
              id={id('key')}
              value={draft.key}
              maxLength={64}
              spellCheck={false}
              autoCapitalize="off"
              className="catalogue-code"
              aria-invalid={invalid('key')}
              aria-describedby={described('key', id('key-hint'))}
              onChange={(e) => onChange({ ...draft, key: e.target.value, keyTyped: true })}
            />
            <p id={id('key-hint')} className="field-hint">
              lower_snake_case; fixed once saved
            </p>
          </>
        ) : (
          <>
            <span className="catalogue-field__label">Key</span>
            <code className="catalogue-code">{draft.key}</code>
          </>
        )}
        {error('key')}
      </div>
      <div className="catalogue-item__kind catalogue-field">
        <label htmlFor={id('kind')}>Kind</label>
        <select
          id={id('kind')}
          value={draft.kind}
          aria-invalid={invalid('kind')}
          aria-describedby={described('kind')}
          onChange={(e) => {
            const kind = e.target.value as Draft['kind']
            onChange({
              ...draft,
              kind,
              audiences: kind === 'attitude' ? ['employee'] : draft.audiences,
            })
          }}
        >
          <option value="attribute">Attribute</option>
          <option value="attitude">Staff attitude</option>
        </select>
        {error('kind')}
      </div>
      <fieldset
        className="catalogue-item__audiences catalogue-field"
        aria-invalid={invalid('audiences')}
        aria-describedby={described('audiences', attitude ? id('audiences-hint') : undefined)}
      >
        <legend>Rated by</legend>
        {audiences.map((a, i) => (
          <label key={a} className="catalogue-check">
            <input
              id={i === 0 ? id('audiences') : undefined}
              type="checkbox"
              checked={attitude ? a === 'employee' : draft.audiences.includes(a)}
              disabled={attitude}
              onChange={(e) =>
                onChange({
                  ...draft,
                  audiences: e.target.checked
                    ? [...draft.audiences, a]
                    : draft.audiences.filter((x) => x !== a),
                })
              }
            />
            <span className="catalogue-check__text">{audienceNames[a]}</span>
          </label>
        ))}
        {attitude && (
          <p id={id('audiences-hint')} className="field-hint">
            Employees only; reported for HR, never compared.
          </p>
        )}
        {error('audiences')}
      </fieldset>
      <div className="catalogue-item__actions" role="group" aria-label={`Arrange ${name}`}>
        <button
          type="button"
          className="button button--quiet catalogue-small"
          data-action="up"
          disabled={index === 0}
          aria-label={`Move ${name} up`}
          onClick={() => onMove(index - 1)}
        >
          ↑<span className="catalogue-wide"> Up</span>
        </button>
        <button
          type="button"
          className="button button--quiet catalogue-small"
          data-action="down"
          disabled={index === count - 1}
          aria-label={`Move ${name} down`}
          onClick={() => onMove(index + 1)}
        >
          ↓<span className="catalogue-wide"> Down</span>
        </button>
        <button
          type="button"
          className="button button--quiet catalogue-small catalogue-remove"
          data-action="remove"
          aria-label={`Remove ${name}`}
          onClick={onRemove}
        >
          <span className="catalogue-remove__icon" aria-hidden="true">
            ✕
          </span>
          <span className="catalogue-remove__word">Remove</span>
        </button>
      </div>
    </li>
  )
}
