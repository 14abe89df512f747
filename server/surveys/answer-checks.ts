import { choiceValues, hasOpenChoices, storesOtherAsValue } from './choices'
import type { QuestionNode } from './json-walk'
import { isPlainObject } from './json-walk'
import { checkMatrix } from './matrix-answers'
import { describeScale, describeValue, matchDeclared, numericValue, ratingValues } from './scales'
import type { ScalarValue } from './types'

export const MAX_TEXT_LENGTH = 10_000
/** Bound on one answer of a type we only check structurally (matrixdynamic, file, …). */
export const MAX_OPEN_ANSWER_CHARS = 100_000
const MAX_DEPTH = 8

export type SurveySettings = { storeOthersAsComment: boolean }
import type { Checked } from './types'

export type { Checked }

const pass = (value: unknown): Checked => ({ ok: true, value })
const fail = (message: string): Checked => ({ ok: false, message })

/** A declared numeric value comes back as a number, whatever form it was declared or sent in. */
export function normalisedScaleValue(value: ScalarValue): ScalarValue {
  return numericValue(value) ?? value
}

function checkRating({ json, name }: QuestionNode, value: unknown): Checked {
  const scale = ratingValues(json)
  const match = matchDeclared(value, scale)
  if (match === undefined)
    return fail(`${name}: must be ${describeScale(scale)}, got ${describeValue(value)}`)
  return pass(normalisedScaleValue(match))
}

function textLimit(node: QuestionNode): number {
  const { maxLength } = node.json
  return typeof maxLength === 'number' && maxLength > 0
    ? Math.min(maxLength, MAX_TEXT_LENGTH)
    : MAX_TEXT_LENGTH
}

export function checkText(name: string, value: unknown, limit: number): Checked {
  if (typeof value !== 'string') return fail(`${name}: must be text, got ${describeValue(value)}`)
  if (value.length > limit)
    return fail(`${name}: must be at most ${limit} characters, got ${value.length}`)
  return pass(value)
}

function checkTextQuestion(node: QuestionNode, value: unknown): Checked {
  const inputType = node.json.inputType
  if (inputType === 'number' || inputType === 'range') {
    const number = numericValue(value)
    if (number === null) return fail(`${node.name}: must be a number, got ${describeValue(value)}`)
    return pass(number)
  }
  return checkText(node.name, value, textLimit(node))
}

function checkChoice(node: QuestionNode, value: unknown, settings: SurveySettings): Checked {
  const storeOthers = storeOthersAsComment(node, settings)
  const declared = choiceValues(node.json, storeOthers)
  const match = matchDeclared(value, declared)
  if (match !== undefined) return pass(match)
  const open = hasOpenChoices(node.json) || storesOtherAsValue(node.json, storeOthers)
  if (open && (typeof value === 'number' || typeof value === 'string')) {
    const text = checkText(node.name, String(value), MAX_TEXT_LENGTH)
    return text.ok ? pass(value) : text
  }
  return fail(`${node.name}: must be ${describeScale(declared)}, got ${describeValue(value)}`)
}

function checkCheckbox(node: QuestionNode, value: unknown, settings: SurveySettings): Checked {
  if (!Array.isArray(value))
    return fail(`${node.name}: must be a list of choices, got ${describeValue(value)}`)
  const { maxSelectedChoices: max, minSelectedChoices: min } = node.json
  if (typeof max === 'number' && max > 0 && value.length > max) {
    return fail(`${node.name}: at most ${max} choices may be selected, got ${value.length}`)
  }
  if (typeof min === 'number' && min > 0 && value.length > 0 && value.length < min) {
    return fail(`${node.name}: at least ${min} choices must be selected, got ${value.length}`)
  }
  // valuePropertyName stores each choice as { [valuePropertyName]: value }
  const property =
    typeof node.json.valuePropertyName === 'string' ? node.json.valuePropertyName : null
  const seen: unknown[] = []
  const cleaned: unknown[] = []
  for (const item of value) {
    const raw = property !== null && isPlainObject(item) ? item[property] : item
    const checked = checkChoice(node, raw, settings)
    if (!checked.ok) return fail(`${node.name}: ${describeValue(item)} is not one of its choices`)
    if (seen.includes(checked.value))
      return fail(`${node.name}: ${describeValue(item)} is selected twice`)
    seen.push(checked.value)
    cleaned.push(property !== null ? item : checked.value)
  }
  return pass(cleaned)
}

function checkBoolean({ json, name }: QuestionNode, value: unknown): Checked {
  const declared = [json.valueTrue ?? true, json.valueFalse ?? false].filter(
    (v): v is ScalarValue =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
  )
  const match = declared.find((v) => v === value)
  if (match === undefined)
    return fail(
      `${name}: must be ${declared.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(value)}`,
    )
  return pass(match)
}

function storeOthersAsComment(node: QuestionNode, settings: SurveySettings): boolean {
  const own = node.json.storeOthersAsComment
  return typeof own === 'boolean' ? own : settings.storeOthersAsComment
}

/** Plain JSON (no functions, bounded depth) that fits the size bound. */
function isBoundedJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((item) => isBoundedJson(item, depth + 1))
  if (isPlainObject(value))
    return Object.values(value).every((item) => isBoundedJson(item, depth + 1))
  return false
}

const openShapes: Record<string, { test: (v: unknown) => boolean; shape: string }> = {
  matrixdropdown: { test: isPlainObject, shape: 'an object of rows' },
  multipletext: { test: isPlainObject, shape: 'an object of items' },
  matrixdynamic: { test: Array.isArray, shape: 'a list of rows' },
  paneldynamic: { test: Array.isArray, shape: 'a list of panels' },
  ranking: { test: Array.isArray, shape: 'a list' },
  tagbox: { test: Array.isArray, shape: 'a list' },
  file: { test: Array.isArray, shape: 'a list of files' },
  signaturepad: { test: (v) => typeof v === 'string', shape: 'text' },
}

function checkOpenAnswer({ name, type }: QuestionNode, value: unknown): Checked {
  const shape = openShapes[type]
  if (shape && !shape.test(value))
    return fail(`${name}: must be ${shape.shape}, got ${describeValue(value)}`)
  if (!isBoundedJson(value))
    return fail(`${name}: must be plain JSON nested at most ${MAX_DEPTH} deep`)
  const size = JSON.stringify(value).length
  if (size > MAX_OPEN_ANSWER_CHARS)
    return fail(`${name}: answer too large (${size} characters, at most ${MAX_OPEN_ANSWER_CHARS})`)
  return pass(value)
}

/** Checks one submitted answer against its question; returns the cleaned value or a message. */
export function checkAnswer(node: QuestionNode, value: unknown, settings: SurveySettings): Checked {
  switch (node.type) {
    case 'rating':
      return checkRating(node, value)
    case 'matrix':
      return checkMatrix(node, value)
    case 'comment':
      return checkText(node.name, value, textLimit(node))
    case 'text':
      return checkTextQuestion(node, value)
    case 'dropdown':
    case 'radiogroup':
    case 'buttongroup':
      return checkChoice(node, value, settings)
    case 'checkbox':
      return checkCheckbox(node, value, settings)
    case 'boolean':
      return checkBoolean(node, value)
    case 'html':
    case 'image':
    case 'empty':
      return fail(`${node.name}: is a ${node.type} element and carries no answer`)
    default:
      return checkOpenAnswer(node, value)
  }
}
