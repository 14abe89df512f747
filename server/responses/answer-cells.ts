import type { Mode } from '../db/schema'
import { MAX_TEXT_LENGTH } from '../surveys/answer-checks'
import { choiceValues, hasOpenChoices, storesOtherAsValue } from '../surveys/choices'
import type { QuestionNode } from '../surveys/json-walk'
import { describeScale, describeValue, numericValue, ratingValues } from '../surveys/scales'
import type { ScalarValue } from '../surveys/types'

// How one CSV cell becomes (part of) a SurveyJS answer, per question type: the pieces
// response-row-answers.ts puts together for a header.

export type RowAnswers = {
  /** SurveyJS `survey.data` for the definition: answered questions only. */
  answers: Record<string, unknown>
  respondent: string | null
  mode: Mode | null
  submittedAt: Date | null
  /** Non-empty columns that are neither questions nor reserved: segment dimensions. */
  extraSegments: Record<string, string>
}

/** Reads a cell into the row; returns a message (without the column name) when it is refused. */
export type Apply = (cell: string, into: RowAnswers) => string | null

const CHOICE_TYPES = new Set(['dropdown', 'radiogroup', 'buttongroup'])
const MULTI_CHOICE_TYPES = new Set(['checkbox', 'tagbox'])

export function put(target: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  else target[key] = value
}

export const quoted = (values: readonly ScalarValue[]) =>
  values.map((v) => JSON.stringify(v)).join(', ')

/** Cell text → declared value: exact first, then ignoring case; scales also take `4.0` for 4. */
export function valueLookup(values: readonly ScalarValue[], scale: boolean) {
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
export function declaredCell<T>(
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

export function matrixCell(matrixKey: string, row: string, values: readonly ScalarValue[]): Apply {
  return scaleCell(values, (into, value) => {
    let cells = into.answers[matrixKey] as Record<string, unknown> | undefined
    if (cells === undefined) put(into.answers, matrixKey, (cells = {}))
    put(cells, row, value)
  })
}

// Free text keeps its spaces, so that an exported answer re-imports unchanged.
export function textCell(key: string, limit: number): Apply {
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

export function questionCell(node: QuestionNode, storeOthersAsComment: boolean): Apply {
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
