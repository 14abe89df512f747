import { fixed, humanizeKey, percent, percentRange, range } from '../../lib/format'
import type { WaveReport } from '../shell/api-types'
import type { Band } from './report-format'

export type Attitude = NonNullable<WaveReport['attitude']>
type Row = Attitude['groups'][number]['rows'][number]

/** One item of one group as the table prints it: figures, withheld (and why), or unanswered. */
export type AttitudeLine = { key: string; label: string } & (
  | {
      kind: 'shown'
      n: number
      mean: string
      meanCi: string
      score10: string
      band: Band | null
      top2: string
      top2Ci: string
    }
  | { kind: 'withheld'; reason: string }
  | { kind: 'none'; n: 0 }
)

export type AttitudeTable = {
  group: string
  /** "All staff", or the survey's text of the breakdown value. */
  title: string
  /** The breakdown column ("department"), null for all staff. */
  column: string | null
  lines: AttitudeLine[]
  allWithheld: boolean
}

/** `employee` or `employee/<column>=<value>` (URI-encoded) → the breakdown, if any. */
export function parseAttitudeGroup(group: string): { column: string; value: string } | null {
  const slash = group.indexOf('/')
  if (slash < 0) return null
  const rest = group.slice(slash + 1)
  const eq = rest.indexOf('=')
  if (eq < 0) return null
  return {
    column: decodeURIComponent(rest.slice(0, eq)),
    value: decodeURIComponent(rest.slice(eq + 1)),
  }
}

/**
 * Why an item is withheld, in plain words that follow "Withheld". Within a breakdown a group may
 * be withheld though it has enough answers: showing it would let a smaller group be found by
 * subtraction.
 */
export function withheldWords(reason: string, column: string | null): string {
  const k = /fewer than (\d+) answers/.exec(reason)?.[1]
  if (!k) return `(${reason})`
  if (!column) return `to protect anonymity: fewer than ${k} staff answered it.`
  const name = humanizeKey(column).toLowerCase()
  return `to protect anonymity: fewer than ${k} staff in this ${name} answered it, or showing it would let a smaller ${name}’s answers be worked out by subtraction.`
}

function line(row: Row, label: string, column: string | null): AttitudeLine {
  if (row.suppressed)
    return { key: row.key, label, kind: 'withheld', reason: withheldWords(row.suppressed, column) }
  if (row.n === 0 || !row.mean) return { key: row.key, label, kind: 'none', n: 0 }
  return {
    key: row.key,
    label,
    kind: 'shown',
    n: row.n,
    mean: fixed(row.mean.mean, 2),
    meanCi: range(row.mean.ciLow, row.mean.ciHigh, 2),
    score10: fixed(row.score10, 1),
    band: row.band,
    top2: percent(row.top2?.p),
    top2Ci: percentRange(row.top2?.ciLow, row.top2?.ciHigh),
  }
}

/**
 * One table per group the report served (all staff first, then each value of the breakdown in
 * the server's order), items in the survey's order, labelled with the survey's wording.
 */
export function attitudeTables(
  attitude: Attitude,
  segmentValues: Record<string, Record<string, string>>,
): AttitudeTable[] {
  const labels = new Map(attitude.items.map((i) => [i.key, i.label]))
  const tables = attitude.groups.map((g): AttitudeTable => {
    const segment = parseAttitudeGroup(g.group)
    const column = segment?.column ?? null
    const lines = g.rows.map((r) => line(r, labels.get(r.key) ?? humanizeKey(r.key), column))
    return {
      group: g.group,
      title: segment
        ? (segmentValues[segment.column]?.[segment.value] ?? humanizeKey(segment.value))
        : 'All staff',
      column,
      lines,
      allWithheld: lines.length > 0 && lines.every((l) => l.kind === 'withheld'),
    }
  })
  return [...tables.filter((t) => !t.column), ...tables.filter((t) => t.column)]
}
