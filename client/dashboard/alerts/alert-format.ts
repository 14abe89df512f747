/** Closing the loop in words: statuses, reasons, ages and rules, as the follow-up pages say them. */

import { humanizeKey } from '../../lib/format'

export type Status = 'open' | 'in_progress' | 'resolved'
type Labelled = { key: string; label: string }
export type Labels = {
  attributes: readonly Labelled[]
  segments: readonly (Labelled & { values: Readonly<Record<string, string>> })[]
  comments: readonly Labelled[]
}

export const statuses: readonly Status[] = ['open', 'in_progress', 'resolved']

export const statusLabel: Record<Status, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
}

export const ratingNames: Readonly<Record<string, string>> = {
  overall: 'Overall satisfaction',
  rebuy: 'Intention to buy again',
}

/** Attribute key → its wording in the survey. */
export const attributeNames = (labels: Pick<Labels, 'attributes'> | null | undefined) =>
  Object.fromEntries((labels?.attributes ?? []).map((a) => [a.key, a.label]))

const nameOf = (key: string, names: Readonly<Record<string, string>>) =>
  names[key] ?? ratingNames[key] ?? humanizeKey(key)

/** A reason code as what was rated and the score: `rebuy:2` → "Intention to buy again", "2 of 5". */
export function reasonParts(code: string, names: Readonly<Record<string, string>> = {}) {
  if (code === 'comment') return { name: 'Left a comment', score: null }
  const parts = code.split(':')
  const key = parts[0] === 'attribute' ? (parts[1] ?? '') : (parts[0] ?? '')
  return { name: nameOf(key, names), score: `${parts.at(-1)} of 5` }
}

/** A reason code in words: `attribute:lead_time:2` → "Lead time from order to delivery: 2 of 5". */
export function reasonText(code: string, names: Readonly<Record<string, string>> = {}): string {
  const { name, score } = reasonParts(code, names)
  return score ? `${name}: ${score}` : name
}

/** Who answered: name, else email, else a respondent with no contact (open link or postal). */
export function contactText(a: { contactName: string | null; contactEmail: string | null }) {
  return a.contactName?.trim() || a.contactEmail || 'Unnamed respondent'
}

const hour = 3_600_000
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`

/** A length of time in hours, in words: "under an hour", "5 hours", "2 days 3 hours". */
export function durationText(hours: number): string {
  if (hours < 1) return 'under an hour'
  const h = Math.floor(hours)
  if (h < 24) return plural(h, 'hour')
  const days = Math.floor(h / 24)
  const rest = h % 24
  return rest && days < 7 ? `${plural(days, 'day')} ${plural(rest, 'hour')}` : plural(days, 'day')
}

/** How long ago, in words: "just now", "3 hours ago", "5 days ago". */
export function ageText(iso: string, now: number): string {
  const hours = (now - Date.parse(iso)) / hour
  if (hours < 1 / 60) return 'just now'
  if (hours < 1) return plural(Math.floor(hours * 60), 'minute') + ' ago'
  if (hours < 24) return plural(Math.floor(hours), 'hour') + ' ago'
  return plural(Math.floor(hours / 24), 'day') + ' ago'
}

/** From the alert to its first action (status change or note), in words; null before one. */
export function firstActionText(a: { createdAt: string; firstActionAt: string | null }) {
  if (!a.firstActionAt) return null
  return durationText(Math.max(0, Date.parse(a.firstActionAt) - Date.parse(a.createdAt)) / hour)
}

export type Rule =
  | { field: 'overall' | 'rebuy' | 'any_attribute'; max: number }
  | { field: 'attribute'; key: string; max: number }
  | { field: 'comment' }

/** One condition of a wave's rules in words: "Overall satisfaction at 2 or below". */
export function ruleText(rule: Rule, names: Readonly<Record<string, string>> = {}): string {
  if (rule.field === 'comment') return 'Any comment left'
  const what =
    rule.field === 'any_attribute'
      ? 'Any attribute'
      : nameOf(rule.field === 'attribute' ? rule.key : rule.field, names)
  return `${what} at ${rule.max} or below`
}

export const sameRules = (a: readonly Rule[], b: readonly Rule[]) =>
  JSON.stringify(a) === JSON.stringify(b)

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export const dateTimeText = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : '')
