import { z } from 'zod'
import type { AlertCondition } from '../db/schema'

/**
 * Closing the loop by default: overall satisfaction or the intention to re-buy at 2 or below.
 * Attribute rules are opt-in per wave: by default they alerted on two responses in three of the
 * demo data, more than a team can follow up.
 */
export const defaultAlertRules: readonly AlertCondition[] = [
  { field: 'overall', max: 2 },
  { field: 'rebuy', max: 2 },
]

/**
 * The rules one response is checked against: a wave's own rules exactly as set; otherwise the
 * defaults, and those only when someone can answer the respondent (an invitation, which always
 * has an email). An open-link respondent left no contact details: an alert nobody can act on
 * would only bury the ones somebody can.
 */
export function alertRulesFor(
  waveRules: readonly AlertCondition[] | null,
  contactable: boolean,
): readonly AlertCondition[] {
  return waveRules ?? (contactable ? defaultAlertRules : [])
}

const max = z.number().int().min(1, 'must be 1–5').max(5, 'must be 1–5')

/** A wave's alert rules as the API takes them: at most 20 conditions, any of which raises an alert. */
export const alertRulesBody = z
  .array(
    z.discriminatedUnion('field', [
      z.object({ field: z.enum(['overall', 'rebuy', 'any_attribute']), max }).strict(),
      z.object({ field: z.literal('attribute'), key: z.string().min(1).max(64), max }).strict(),
      z.object({ field: z.literal('comment') }).strict(),
    ]),
  )
  .max(20)

export type RatedResponse = {
  overall: number | null
  rebuy: number | null
  attributes: Readonly<Record<string, number | null>>
  /** Some free-text answer was given. */
  commented: boolean
}

/**
 * Which conditions a response meets, as reason codes: `overall:1`, `rebuy:2`,
 * `attribute:<key>:2`, `comment`. Any reason raises an alert; none, no alert.
 */
export function alertReasons(rules: readonly AlertCondition[], r: RatedResponse): string[] {
  const reasons = new Set<string>()
  for (const rule of rules) {
    if (rule.field === 'comment') {
      if (r.commented) reasons.add('comment')
    } else if (rule.field === 'overall' || rule.field === 'rebuy') {
      const v = r[rule.field]
      if (v !== null && v <= rule.max) reasons.add(`${rule.field}:${v}`)
    } else {
      const keys = rule.field === 'attribute' ? [rule.key] : Object.keys(r.attributes)
      for (const key of keys) {
        const v = r.attributes[key]
        if (v != null && v <= rule.max) reasons.add(`attribute:${key}:${v}`)
      }
    }
  }
  return [...reasons]
}

const ratingNames: Record<string, string> = {
  overall: 'Overall satisfaction',
  rebuy: 'Intention to buy again',
}

/** A reason code in words: `attribute:delivery_reliability:2` → "Delivery reliability: 2 of 5". */
export function reasonText(code: string, labels: Readonly<Record<string, string>> = {}): string {
  if (code === 'comment') return 'Left a comment'
  const parts = code.split(':')
  const value = parts.at(-1)
  const key = parts[0] === 'attribute' ? parts[1]! : parts[0]!
  const name =
    labels[key] ?? ratingNames[key] ?? key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
  return `${name}: ${value} of 5`
}
