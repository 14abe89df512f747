import { modes, type Mode } from '../db/schema'
import { unescapeFormula } from '../lib/csv'
import { describeValue } from '../surveys/scales'
import type { Audience, SurveyDefinition } from '../surveys/types'
import { type Apply, type RowAnswers, declaredCell, put, quoted, valueLookup } from './answer-cells'
import { slotsOf } from './column-slots'
import { metadataColumns, nameLookup, responsesHeader } from './responses-csv'

export type { RowAnswers } from './answer-cells'
export type RowIssue = { column: string; message: string }
export type RowResult = { ok: true; value: RowAnswers } | { ok: false; issues: RowIssue[] }
export type RowReader = {
  ok: true
  read(row: Record<string, string>): RowResult
  /** The same for a row as the CSV parser gives it: cells in the header's order. */
  readCells(cells: readonly string[]): RowResult
}

// The export writes `wave` for reference only: the import itself decides the wave.
const IGNORED = new Set<string>(['wave'])
// Without an offset a date-time is read as UTC: `Date` would use local time, which differs
// between a Node server and a Worker.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)?)?$/

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    ? 29
    : MONTH_DAYS[month - 1]!

const DAY_MS = 86_400_000
// Gregorian years repeat every 400 years (146,097 days): lets Date.UTC, which reads years
// 0–99 as 1900–1999, handle every four-digit year.
const CYCLE_MS = 146_097 * DAY_MS

/** Plain arithmetic, as it runs per row (Date.parse would also roll 2023-02-29 over). */
function parseTimestamp(text: string): Date | undefined {
  const m = ISO_DATE.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute, second, zoneHours, zoneMinutes] = [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Number(m[9] ?? 0),
    Number(m[10] ?? 0),
  ] as const
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59 || zoneHours > 23 || zoneMinutes > 59)
    return undefined
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
  const offset = (m[8] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes)
  const time = Date.UTC(year + 400, month - 1, day, hour, minute - offset, second, millis)
  return new Date(time - CYCLE_MS)
}

function reservedCells(audience: Audience): Map<string, Apply> {
  const notOurs = (text: string) =>
    `${describeValue(text)} does not match this wave's audience "${audience}"`
  return new Map<string, Apply>([
    [
      'respondent',
      (cell, into) => {
        into.respondent = cell.trim() || null
        return null
      },
    ],
    [
      'audience',
      (cell) => {
        const text = cell.trim()
        return text === '' || text.toLowerCase() === audience ? null : notOurs(text)
      },
    ],
    [
      'mode',
      declaredCell(
        valueLookup(modes, false),
        `one of ${quoted(modes)}`,
        (into, mode) => (into.mode = mode as Mode),
      ),
    ],
    [
      'submitted_at',
      declaredCell(
        parseTimestamp,
        'an ISO 8601 date or date-time (e.g. 2024-05-01T09:30:00Z)',
        (into, date) => (into.submittedAt = date),
      ),
    ],
  ])
}

const extraSegment =
  (name: string): Apply =>
  (cell, into) => {
    const text = cell.trim()
    if (text !== '') put(into.extraSegments, name, text)
    return null
  }


/**
 * Prepares the reading of one CSV file of responses (SPEC 5.3, as `exportResponses` writes it)
 * into SurveyJS answers for `definition`: column roles are worked out once from the header (read
 * by `responsesHeader`: names trimmed, matched ignoring letter case), so `read` costs a few
 * microseconds per row. Header problems (a name used twice, two columns for one answer, a name
 * that could be either of two questions, no rating column of the survey) refuse the file. `read`
 * reports every bad cell of a row, each naming its column and value; empty cells are missing
 * answers, and required questions are not checked (paper questionnaires leave them blank).
 */
export function compileRowReader(
  definition: SurveyDefinition,
  audience: Audience,
  header: string[],
): RowReader | { ok: false; issues: RowIssue[] } {
  const slots = slotsOf(definition)
  const findSlot = nameLookup(slots)
  const reserved = reservedCells(audience)
  const metadata = nameLookup(metadataColumns.map((c) => [c, c] as const))
  const head = responsesHeader(header)
  const issues: RowIssue[] = head.clashes.map((c) => ({
    column: c.name,
    message: `${c.name}: the column ${c.problem}`,
  }))
  const columns: Array<{ key: string; index: number; name: string; apply: Apply }> = []
  const owners = new Map<string, string>()
  let ratings = 0
  head.names.forEach((name, i) => {
    if (name === '' || head.repeats.has(i)) return
    const meta = metadata(name)
    const role = meta && 'found' in meta ? meta.found : null
    if (role !== null && IGNORED.has(role)) return
    const own = role === null ? undefined : reserved.get(role)
    const match = own ? null : findSlot(name)
    if (match && 'ambiguous' in match) {
      const which = match.ambiguous.join(', ')
      issues.push({ column: name, message: `${name}: could be any of ${which}: write it as one` })
      return
    }
    const slot = match?.found
    if (slot) {
      const other = owners.get(slot.id)
      if (other !== undefined) {
        issues.push({ column: name, message: `${name}: holds the same answer as column ${other}` })
      }
      owners.set(slot.id, name)
      if (slot.rating) ratings++
    }
    // Segment names are lower-case everywhere (contacts' too): one dimension, one spelling.
    const apply = own ?? slot?.apply ?? extraSegment(name.toLowerCase())
    columns.push({ key: header[i]!, index: i, name, apply })
  })
  if (ratings === 0) {
    const expected = [...slots].filter(([, slot]) => slot.rating).map(([column]) => column)
    const shown = expected.slice(0, 6).join(', ') + (expected.length > 6 ? ', …' : '')
    issues.push({
      column: '(header)',
      message: `the header has no rating column of this survey (${shown})`,
    })
  }
  if (issues.length > 0) return { ok: false, issues }

  const readCell = (cell: string | undefined, value: RowAnswers, column: (typeof columns)[0]) => {
    if (cell === undefined || cell === '') return null
    const message = column.apply(unescapeFormula(cell), value)
    return message === null ? null : { column: column.name, message: `${column.name}: ${message}` }
  }
  const newRow = (): RowAnswers => ({
    answers: {},
    respondent: null,
    mode: null,
    submittedAt: null,
    extraSegments: {},
  })
  return {
    ok: true,
    read(row) {
      const value = newRow()
      let problems: RowIssue[] | null = null
      for (const column of columns) {
        const problem = readCell(row[column.key], value, column)
        if (problem) (problems ??= []).push(problem)
      }
      return problems ? { ok: false, issues: problems } : { ok: true, value }
    },
    readCells(cells) {
      const value = newRow()
      let problems: RowIssue[] | null = null
      for (const column of columns) {
        const problem = readCell(cells[column.index], value, column)
        if (problem) (problems ??= []).push(problem)
      }
      return problems ? { ok: false, issues: problems } : { ok: true, value }
    },
  }
}
