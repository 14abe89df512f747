import type { Rule } from './alert-format'

/** A rule as the editor holds it: the field as one select value, the threshold as text. */
export type RuleDraft = { id: number; field: string; max: string }

let nextId = 1

/** `overall`, `rebuy`, `any_attribute`, `comment`, or `attribute:<key>`. */
export const fieldValue = (r: Rule) => (r.field === 'attribute' ? `attribute:${r.key}` : r.field)

export const toDraft = (r: Rule): RuleDraft => ({
  id: nextId++,
  field: fieldValue(r),
  max: 'max' in r ? String(r.max) : '2',
})

export const newDraft = (): RuleDraft => ({ id: nextId++, field: 'overall', max: '2' })

/** The API's rule for a draft row (a threshold outside 1–5 goes as typed; the server names it). */
export function fromDraft(d: RuleDraft): Rule {
  if (d.field === 'comment') return { field: 'comment' }
  const max = Number(d.max)
  if (d.field.startsWith('attribute:'))
    return { field: 'attribute', key: d.field.slice('attribute:'.length), max }
  return { field: d.field as 'overall' | 'rebuy' | 'any_attribute', max }
}

/** Rows that say the same thing twice are one rule. */
export function dedupe(rules: readonly Rule[]): Rule[] {
  const seen = new Set<string>()
  return rules.filter((r) => {
    const k = JSON.stringify(r)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
