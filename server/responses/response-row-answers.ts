import { modes, type Mode } from '../db/schema'
import { FORMULA_START } from '../lib/csv'
import { MAX_TEXT_LENGTH } from '../surveys/answer-checks'
import { choiceValues, hasOpenChoices, storesOtherAsValue } from '../surveys/choices'
import { compileSurvey } from '../surveys/compile-survey'
import { itemValues, type QuestionNode } from '../surveys/json-walk'
import {
  describeScale,
  describeValue,
  matrixColumnValues,
  numericValue,
  ratingValues,
} from '../surveys/scales'
import { roleNames } from '../surveys/survey-roles'
import type { Audience, ScalarValue, SurveyDefinition } from '../surveys/types'
import { importanceColumn, metadataColumns, nameLookup, responsesHeader } from './responses-csv'

export type RowAnswers = {
  /** SurveyJS `survey.data` for the definition: answered questions only. */
  answers: Record<string, unknown>
  respondent: string | null
  mode: Mode | null
  submittedAt: Date | null
  /** Non-empty columns that are neither questions nor reserved: segment dimensions. */
  extraSegments: Record<string, string>
}
export type RowIssue = { column: string; message: string }
export type RowResult = { ok: true; value: RowAnswers } | { ok: false; issues: RowIssue[] }
export type RowReader = { ok: true; read(row: Record<string, string>): RowResult }

/** Reads a cell into the row; returns a message (without the column name) when it is refused. */
type Apply = (cell: string, into: RowAnswers) => string | null
type Slot = { id: string; rating: boolean; apply: Apply }

// The export writes `wave` for reference only: the import itself decides the wave.
const IGNORED = new Set<string>(['wave'])
const NO_ANSWER = new Set(['html', 'image', 'expression', 'empty'])
const CHOICE_TYPES = new Set(['dropdown', 'radiogroup', 'buttongroup'])
const MULTI_CHOICE_TYPES = new Set(['checkbox', 'tagbox'])
// Without an offset a date-time is read as UTC: `Date` would use local time, which differs
// between a Node server and a Worker.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)?)?$/

function put(target: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  else target[key] = value
}

const quoted = (values: readonly ScalarValue[]) => values.map((v) => JSON.stringify(v)).join(', ')

/** Cell text → declared value: exact first, then ignoring case; scales also take `4.0` for 4. */
function valueLookup(values: readonly ScalarValue[], scale: boolean) {
  const exact = new Map<string, ScalarValue>()
  const folded = new Map<string, ScalarValue>()
  for (const value of values) {
    const canonical = scale ? (numericValue(value) ?? value) : value
    const text = String(value)
    if (!exact.has(text)) exact.set(text, canonical)
    if (!folded.has(text.toLowerCase())) folded.set(text.toLowerCase(), canonical)
  }
  return (text: string): ScalarValue | undefined => {
    const hit = exact.get(text) ?? folded.get(text.toLowerCase())
    if (hit !== undefined || !scale) return hit
    const whole = /^(-?\d+)\.0+$/.exec(text)
    return whole ? exact.get(whole[1]!) : undefined
  }
}

type Store<T> = (into: RowAnswers, value: T) => void
const answer =
  (key: string): Store<unknown> =>
  (into, value) =>
    put(into.answers, key, value)

/** A cell whose trimmed text must be one of the declared values (or parse, for dates). */
function declaredCell<T>(
  lookup: (text: string) => T | undefined,
  expected: string,
  store: Store<T>,
): Apply {
  return (cell, into) => {
    const text = cell.trim()
    if (text === '') return null
    const value = lookup(text)
    if (value === undefined) return `${describeValue(text)} is not ${expected}`
    store(into, value)
    return null
  }
}

function scaleCell(values: readonly ScalarValue[], store: Store<ScalarValue>): Apply {
  const expected = describeScale(values.map((v) => numericValue(v) ?? v))
  return declaredCell(valueLookup(values, true), expected, store)
}

function matrixCell(matrixKey: string, row: string, values: readonly ScalarValue[]): Apply {
  return scaleCell(values, (into, value) => {
    let cells = into.answers[matrixKey] as Record<string, unknown> | undefined
    if (cells === undefined) put(into.answers, matrixKey, (cells = {}))
    put(cells, row, value)
  })
}

// Free text keeps its spaces, so that an exported answer re-imports unchanged.
function textCell(key: string, limit: number): Apply {
  return (cell, into) => {
    if (cell.trim() === '') return null
    if (cell.length > limit) return `text of ${cell.length} characters is longer than ${limit}`
    put(into.answers, key, cell)
    return null
  }
}

function choiceCell(node: QuestionNode, storeOthersAsComment: boolean): Apply {
  const own = node.json.storeOthersAsComment
  const storeOthers = typeof own === 'boolean' ? own : storeOthersAsComment
  const declared = choiceValues(node.json, storeOthers)
  const open = hasOpenChoices(node.json) || storesOtherAsValue(node.json, storeOthers)
  const known = valueLookup(declared, false)
  const lookup = open ? (text: string) => known(text) ?? text : known
  const expected = `one of ${quoted(declared)}`
  if (!MULTI_CHOICE_TYPES.has(node.type))
    return declaredCell(lookup, expected, answer(node.dataKey))
  // the export joins a checkbox answer with "; "
  return (cell, into) => {
    const picked: ScalarValue[] = []
    for (const part of cell.split(';')) {
      const text = part.trim()
      const value = text === '' ? null : lookup(text)
      if (value === undefined) return `${describeValue(text)} is not ${expected}`
      if (value !== null && !picked.includes(value)) picked.push(value)
    }
    if (picked.length > 0) put(into.answers, node.dataKey, picked)
    return null
  }
}

const refuseAll =
  (message: string): Apply =>
  (cell) =>
    cell.trim() === '' ? null : message

function questionCell(node: QuestionNode, storeOthersAsComment: boolean): Apply {
  const { json, type, dataKey } = node
  if (type === 'rating') return scaleCell(ratingValues(json), answer(dataKey))
  if (type === 'text' && (json.inputType === 'number' || json.inputType === 'range'))
    return declaredCell((t) => numericValue(t) ?? undefined, 'a number', answer(dataKey))
  if (type === 'comment' || type === 'text') {
    const max = typeof json.maxLength === 'number' && json.maxLength > 0 ? json.maxLength : Infinity
    return textCell(dataKey, Math.min(max, MAX_TEXT_LENGTH))
  }
  if (CHOICE_TYPES.has(type) || MULTI_CHOICE_TYPES.has(type))
    return choiceCell(node, storeOthersAsComment)
  if (type === 'boolean') {
    const declared = [json.valueTrue ?? true, json.valueFalse ?? false] as ScalarValue[]
    return declaredCell(valueLookup(declared, false), `one of ${quoted(declared)}`, answer(dataKey))
  }
  if (type === 'matrix') return refuseAll('is a matrix question: give one column per row')
  return refuseAll(`questions of type "${type}" cannot be imported from a CSV cell`)
}

/**
 * Column name → where its cell goes, named as the export names them: questions by name, rows of
 * the `attributes` matrix by their key, `importance` rows as `imp_<key>`, other matrix rows as
 * `<matrix>.<row>` (and, for `attitude`, by the bare row key when nothing else has that name).
 * The first claim on a name wins, in the export's order of precedence.
 */
function slotsOf(definition: SurveyDefinition): Map<string, Slot> {
  const survey = compileSurvey(definition)
  const slots = new Map<string, Slot>()
  const claim = (column: string, slot: Slot) => {
    if (!slots.has(column)) slots.set(column, slot)
  }
  const matrices = survey.questions.filter((q) => q.type === 'matrix')
  const rowsOf = (node: QuestionNode) => itemValues(node.json.rows).map((row) => String(row.value))
  const rowSlot = (node: QuestionNode, row: string): Slot => ({
    id: `m:${node.dataKey}\u0000${row}`,
    rating: true,
    apply: matrixCell(node.dataKey, row, matrixColumnValues(node.json)),
  })
  for (const node of matrices.filter((m) => m.name === roleNames.attributes)) {
    for (const row of rowsOf(node)) claim(row, rowSlot(node, row))
  }
  for (const node of matrices.filter((m) => m.name === roleNames.importance)) {
    for (const row of rowsOf(node)) claim(importanceColumn(row), rowSlot(node, row))
  }
  for (const node of survey.questions) {
    if (NO_ANSWER.has(node.type)) continue
    const apply = questionCell(node, survey.settings.storeOthersAsComment)
    claim(node.name, { id: `q:${node.dataKey}`, rating: node.type === 'rating', apply })
  }
  for (const key of survey.commentKeys.keys()) {
    claim(key, { id: `q:${key}`, rating: false, apply: textCell(key, MAX_TEXT_LENGTH) })
  }
  for (const node of matrices) {
    for (const row of rowsOf(node)) claim(`${node.name}.${row}`, rowSlot(node, row))
  }
  for (const node of matrices.filter((m) => m.name === roleNames.attitude)) {
    for (const row of rowsOf(node)) claim(row, rowSlot(node, row))
  }
  return slots
}

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

/** The export quotes cells a spreadsheet could run as a formula with a leading `'`: undo that. */
function unescapeFormula(cell: string): string {
  return cell.charCodeAt(0) === 39 && FORMULA_START.test(cell.slice(1, 2)) ? cell.slice(1) : cell
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
  const columns: Array<{ key: string; name: string; apply: Apply }> = []
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
    columns.push({ key: header[i]!, name, apply })
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

  return {
    ok: true,
    read(row) {
      const value: RowAnswers = {
        answers: {},
        respondent: null,
        mode: null,
        submittedAt: null,
        extraSegments: {},
      }
      let problems: RowIssue[] | null = null
      for (const column of columns) {
        const cell = row[column.key]
        if (cell === undefined || cell === '') continue
        const message = column.apply(unescapeFormula(cell), value)
        if (message !== null)
          (problems ??= []).push({ column: column.name, message: `${column.name}: ${message}` })
      }
      return problems ? { ok: false, issues: problems } : { ok: true, value }
    },
  }
}
