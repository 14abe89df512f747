import { useState } from 'react'
import type { MessageCatalogue, Target } from './messages-api'
import { audienceLabel, kindLabel, languageLabel } from './message-words'

type Props = {
  catalogue: MessageCatalogue
  target: Target
  onPick: (t: Target) => void
}

const edited = (c: MessageCatalogue, t: Target) =>
  c.edits.some((e) => e.audience === t.audience && e.kind === t.kind && e.language === t.language)

/** Which message to word: audience, kind and language (any BCP 47 tag, typed in). */
export function MessagePicker({ catalogue, target, onPick }: Props) {
  const kinds = catalogue.audiences.find((a) => a.audience === target.audience)?.kinds ?? []
  const languages = [...new Set([...catalogue.languages, target.language])]
  const [other, setOther] = useState('')
  return (
    <div className="message-picker">
      <div className="field">
        <label htmlFor="message-audience">Audience</label>
        <select
          id="message-audience"
          value={target.audience}
          onChange={(e) => {
            const audience = e.target.value
            const next = catalogue.audiences.find((a) => a.audience === audience)!.kinds
            onPick({
              ...target,
              audience,
              kind: (next as readonly string[]).includes(target.kind) ? target.kind : next[0]!,
            })
          }}
        >
          {catalogue.audiences.map((a) => (
            <option key={a.audience} value={a.audience}>
              {audienceLabel[a.audience] ?? a.audience}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="message-kind">Email</label>
        <select
          id="message-kind"
          value={target.kind}
          onChange={(e) => onPick({ ...target, kind: e.target.value })}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel[k] ?? k}
              {edited(catalogue, { ...target, kind: k }) ? ' (edited)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="message-language">Language</label>
        <select
          id="message-language"
          value={target.language}
          onChange={(e) => onPick({ ...target, language: e.target.value })}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageLabel(l)}
              {edited(catalogue, { ...target, language: l }) ? ' (edited)' : ''}
            </option>
          ))}
        </select>
      </div>
      <form
        className="field message-picker__other"
        onSubmit={(e) => {
          e.preventDefault()
          if (other.trim()) onPick({ ...target, language: other.trim() })
          setOther('')
        }}
      >
        <label htmlFor="message-other-language">Another language</label>
        <div className="message-picker__row">
          <input
            id="message-other-language"
            value={other}
            placeholder="e.g. it, nl, pt-BR"
            aria-describedby="message-other-language-hint"
            onChange={(e) => setOther(e.target.value)}
          />
          <button type="submit" className="button button--quiet">
            Open
          </button>
        </div>
        <p id="message-other-language-hint" className="field__hint">
          A BCP 47 language tag.
        </p>
      </form>
    </div>
  )
}
