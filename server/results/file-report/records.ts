import { audiences, type Audience, type ResponseRecord } from '../../../reports'
import type { Column, ColumnPlan } from './columns'

/** One refused cell, numbered as a spreadsheet shows it (header = row 1). */
export interface CellProblem {
  readonly row: number
  readonly column: string
  readonly value: string
  readonly expected: string
}

export const RATING_RULE = 'an integer 1–5, empty, or an --na code'

/** A rating cell: `4` and `4.0` are 4; empty or an --na code is missing; anything else is bad. */
export function parseRating(raw: string, na: ReadonlySet<string>): number | null | undefined {
  const v = raw.trim()
  if (v === '' || na.has(v)) return null
  return /^[1-5](\.0*)?$/.test(v) ? v.charCodeAt(0) - 48 : undefined
}

/**
 * Turns the cells of one data row into a {@link ResponseRecord} following the plan, or the first
 * refused cell of the row. Returns `null` for a row of another audience than --audience keeps.
 */
export function rowReader(plan: ColumnPlan, naCodes: readonly string[]) {
  const na = new Set(naCodes)
  const problem = (row: number, c: Column, value: string, expected: string): CellProblem => ({
    row,
    column: c.name,
    value,
    expected,
  })
  return (cells: readonly string[], row: number): ResponseRecord | CellProblem | null => {
    let audience: Audience
    if ('fixed' in plan.audience) audience = plan.audience.fixed
    else {
      const raw = cells[plan.audience.index] ?? ''
      const v = raw.trim().toLowerCase()
      if (!(audiences as readonly string[]).includes(v)) {
        return problem(row, plan.audience, raw, `one of ${audiences.join(', ')}`)
      }
      audience = v as Audience
      if (plan.keepAudience !== null && audience !== plan.keepAudience) return null
    }
    const first: { bad: CellProblem | null } = { bad: null }
    const rating = (c: Column | null, label = c?.name) => {
      if (c === null || first.bad) return null
      const raw = cells[c.index] ?? ''
      const v = parseRating(raw, na)
      if (v === undefined)
        first.bad = problem(row, { ...c, name: label ?? c.name }, raw, RATING_RULE)
      return v ?? null
    }
    const overall = rating(plan.overall)
    const rebuy = rating(plan.rebuy)
    const attributes: Record<string, number | null> = {}
    for (const c of plan.attributes) attributes[c.name] = rating(c)
    const importance: Record<string, number | null> = {}
    for (const c of plan.importance) importance[c.name] = rating(c, plan.header[c.index])
    if (first.bad) return first.bad
    const segments: Record<string, string | null> = {}
    for (const c of [...plan.by, ...plan.weightBy])
      segments[c.name] = (cells[c.index] ?? '').trim() || null
    return { audience, overall, rebuy, attributes, importance, segments }
  }
}
