import { useId } from 'react'
import { roleLabel } from './survey-model'
import type { Candidate, Candidates, ListRole, RoleMapping, SingleRole } from './survey-types'

type Props = {
  audience: string
  candidates: Candidates
  mapping: RoleMapping
  onChange: (mapping: RoleMapping) => void
}

const hints: Record<SingleRole | ListRole, string> = {
  overall: 'A 1–5 rating question. Without a mapping, the one named “overall”.',
  rebuy: 'A 1–5 rating question: re-buy, re-order or keep stocking. Else the one named “rebuy”.',
  importance: 'A matrix with columns 1–5 whose rows are attribute keys. Else “importance”.',
  attitude: 'A matrix with columns 1–5 of the employee’s own attitude items. Else “attitude”.',
  attributes:
    'Matrices with columns 1–5 (each row is an attribute) or 1–5 rating questions (each is one). Else the “attributes” matrix and every other 1–5 rating.',
  segments:
    'Dropdowns or radio groups the reports break results down by. Else every dropdown and radio group.',
}

const option = (c: Candidate) => (c.title && c.title !== c.name ? `${c.name} — ${c.title}` : c.name)

/** Questions that play a role although their names do not say so (SPEC §3). */
export function MappingForm({ audience, candidates, mapping, onChange }: Props) {
  const id = useId()
  const singles: SingleRole[] =
    audience === 'employee'
      ? ['overall', 'rebuy', 'importance', 'attitude']
      : ['overall', 'rebuy', 'importance']
  const set = (role: SingleRole, name: string) =>
    onChange({ ...mapping, [role]: name || undefined })
  const toggle = (role: ListRole, name: string, on: boolean) => {
    const now = mapping[role] ?? []
    onChange({ ...mapping, [role]: on ? [...now, name] : now.filter((n) => n !== name) })
  }

  return (
    <div className="mapping">
      {singles.map((role) => (
        <div className="field" key={role}>
          <label htmlFor={`${id}-${role}`}>{roleLabel[role]}</label>
          <select
            id={`${id}-${role}`}
            name={role}
            value={mapping[role] ?? ''}
            aria-describedby={`${id}-${role}-hint`}
            onChange={(e) => set(role, e.currentTarget.value)}
          >
            <option value="">By name (not mapped)</option>
            {candidates[role].map((c) => (
              <option key={c.name} value={c.name}>
                {option(c)}
              </option>
            ))}
          </select>
          <p id={`${id}-${role}-hint`} className="field__hint">
            {candidates[role].length === 0 ? 'No question fits. ' : ''}
            {hints[role]}
          </p>
        </div>
      ))}
      {(['attributes', 'segments'] as const).map((role) => (
        <fieldset className="mapping__list" key={role} aria-describedby={`${id}-${role}-hint`}>
          <legend>{roleLabel[role]}</legend>
          <p id={`${id}-${role}-hint`} className="field__hint">
            {hints[role]}
          </p>
          {candidates[role].length === 0 ? (
            <p className="muted">No question fits.</p>
          ) : (
            <ul>
              {candidates[role].map((c) => (
                <li key={c.name}>
                  <label className="check">
                    <input
                      type="checkbox"
                      name={`${role}-${c.name}`}
                      checked={mapping[role]?.includes(c.name) ?? false}
                      onChange={(e) => toggle(role, c.name, e.currentTarget.checked)}
                    />
                    <span>
                      <strong>{c.name}</strong>
                      {c.title && c.title !== c.name && (
                        <span className="muted"> — {c.title}</span>
                      )}{' '}
                      <span className="badge">{c.type}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      ))}
    </div>
  )
}
