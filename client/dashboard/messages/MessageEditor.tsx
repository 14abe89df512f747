import type { FormEvent } from 'react'
import { Field } from '../ui/Field'
import type { Words } from './messages-api'
import { fieldLabel } from './message-words'

type Props = {
  fields: readonly string[]
  placeholders: readonly string[]
  placeholderHelp: Record<string, string>
  words: Words
  /** The server's refusal per field (unknown placeholder, missing words). */
  errors: Record<string, string>
  busy: boolean
  custom: boolean
  onChange: (words: Words) => void
  onSave: () => void
  onReset: () => void
  onTest: () => void
}

/** The words of one message, field by field, with the placeholders they may use. */
export function MessageEditor(p: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault()
    p.onSave()
  }
  return (
    <form className="message-editor" onSubmit={submit} noValidate>
      <details className="message-placeholders">
        <summary>Placeholders you can use</summary>
        <dl>
          {p.placeholders.map((name) => (
            <div key={name}>
              <dt>
                <code>{`{${name}}`}</code>
              </dt>
              <dd>{p.placeholderHelp[name]}</dd>
            </div>
          ))}
        </dl>
      </details>
      {p.fields.map((field) => {
        const meta = fieldLabel[field] ?? { label: field }
        const value = p.words[field] ?? ''
        const set = (v: string) => p.onChange({ ...p.words, [field]: v })
        return (
          <Field
            key={field}
            id={`message-${field}`}
            label={meta.label}
            hint={meta.hint}
            error={p.errors[field]}
          >
            {(a11y) =>
              meta.long ? (
                <textarea {...a11y} rows={8} value={value} onChange={(e) => set(e.target.value)} />
              ) : (
                <input {...a11y} value={value} onChange={(e) => set(e.target.value)} />
              )
            }
          </Field>
        )
      })}
      <div className="actions">
        <button type="submit" className="button" disabled={p.busy}>
          Save
        </button>
        <button type="button" className="button button--quiet" disabled={p.busy} onClick={p.onTest}>
          Send me a test
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={p.busy || !p.custom}
          onClick={p.onReset}
        >
          Reset to default
        </button>
      </div>
    </form>
  )
}
