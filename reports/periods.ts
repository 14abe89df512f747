/** How a continuous wave's responses are grouped in time: calendar months or quarters (UTC). */
export const reportingPeriods = ['month', 'quarter'] as const
export type ReportingPeriod = (typeof reportingPeriods)[number]

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

const KEY = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/

/**
 * The period a moment falls in, in UTC: `2026-12` (month) or `2026-Q4` (quarter). Keys sort
 * as text in time order within one kind, so report groups sorted by key are in time order.
 */
export function periodKey(at: Date, period: ReportingPeriod): string {
  const year = at.getUTCFullYear()
  const month = at.getUTCMonth()
  return period === 'month'
    ? `${year}-${String(month + 1).padStart(2, '0')}`
    : `${year}-Q${Math.floor(month / 3) + 1}`
}

/** A period key's kind, first and last month (0–11), or null when it is not a key. */
function parseKey(key: string) {
  const m = KEY.exec(key)
  if (!m) return null
  const year = Number(m[1])
  if (m[2]) return { year, period: 'month' as const, first: Number(m[2]) - 1, months: 1 }
  return { year, period: 'quarter' as const, first: (Number(m[3]) - 1) * 3, months: 3 }
}

/** The UTC start and (exclusive) end of a period, or null when `key` is not a period key. */
export function periodRange(key: string): { start: Date; end: Date } | null {
  const p = parseKey(key)
  if (!p) return null
  return {
    start: new Date(Date.UTC(p.year, p.first, 1)),
    end: new Date(Date.UTC(p.year, p.first + p.months, 1)),
  }
}

/** A period in words: `December 2026`, `Q4 2026` (the key itself when it is not one). */
export function periodLabel(key: string): string {
  const p = parseKey(key)
  if (!p) return key
  return p.period === 'month' ? `${MONTHS[p.first]} ${p.year}` : `Q${p.first / 3 + 1} ${p.year}`
}

/**
 * Every period from the one holding `from` to the one holding `to`, in time order (empty when
 * `to` is before `from`), at most `limit` of them: the latest ones.
 */
export function periodsBetween(
  from: Date,
  to: Date,
  period: ReportingPeriod,
  limit = 120,
): string[] {
  const step = period === 'month' ? 1 : 3
  const start = parseKey(periodKey(from, period))!
  const end = parseKey(periodKey(to, period))!
  const out: string[] = []
  let index = start.year * 12 + start.first
  const last = end.year * 12 + end.first
  for (; index <= last; index += step)
    out.push(periodKey(new Date(Date.UTC(Math.floor(index / 12), index % 12, 1)), period))
  return out.slice(-limit)
}
