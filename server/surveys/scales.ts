import type { ElementJson } from './json-walk'
import { itemValues } from './json-walk'
import type { ScalarValue } from './types'

const MAX_GENERATED_VALUES = 1000

function numberProp(json: ElementJson, key: string, fallback: number): number {
  const value = json[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/**
 * The values a rating question can take, as survey-core generates them: its `rateValues` when
 * given (unless `autoGenerate` is explicitly true), else rateMin…rateMax by rateStep (default 1–5).
 */
export function ratingValues(question: ElementJson): ScalarValue[] {
  const custom = itemValues(question.rateValues)
  if (custom.length > 0 && question.autoGenerate !== true) return custom.map((item) => item.value)
  const min = numberProp(question, 'rateMin', 1)
  const max = numberProp(question, 'rateMax', 5)
  const rawStep = numberProp(question, 'rateStep', 1)
  const step = rawStep > 0 ? rawStep : 1
  const values: number[] = []
  for (let i = 0; values.length < MAX_GENERATED_VALUES; i++) {
    // toFixed keeps 0.1 steps exact (1.3, not 1.3000000000000003), as survey-core shows them
    const value = Number((min + i * step).toFixed(10))
    if (value > max + 1e-9) break
    values.push(value)
  }
  return values
}

export function matrixColumnValues(question: ElementJson): ScalarValue[] {
  return itemValues(question.columns).map((item) => item.value)
}

/** A number, or a string that is exactly how that number prints ("4", not "04" or "4.0"). */
export function numericValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string' || value === '') return null
  const parsed = Number(value)
  return Number.isFinite(parsed) && String(parsed) === value ? parsed : null
}

/** True when the scale is exactly the integers 1, 2, 3, 4, 5 (numbers or numeric strings). */
export function isOneToFive(values: readonly ScalarValue[]): boolean {
  const numbers = values.map(numericValue)
  if (numbers.length !== 5) return false
  return [1, 2, 3, 4, 5].every((n) => numbers.includes(n))
}

/**
 * The declared value a submitted value stands for: the same value, or the same number written
 * as a string ("4" for 4) or as a number (4 for "4"). Anything else (3.5, "4x", "04") is not.
 */
export function matchDeclared(
  value: unknown,
  declared: readonly ScalarValue[],
): ScalarValue | undefined {
  for (const candidate of declared) {
    if (value === candidate) return candidate
    if (typeof value === 'string' && typeof candidate === 'number' && String(candidate) === value) {
      return candidate
    }
    if (typeof value === 'number' && typeof candidate === 'string' && String(value) === candidate) {
      return candidate
    }
  }
  return undefined
}

/** Describes a scale for messages: "an integer from 1 to 5", or "one of 1, 2, 7". */
export function describeScale(values: readonly ScalarValue[]): string {
  const numbers = values.map((v) => (typeof v === 'number' ? v : null))
  const contiguous =
    values.length > 1 &&
    numbers.every(
      (n, i) => n !== null && Number.isInteger(n) && (i === 0 || n === numbers[i - 1]! + 1),
    )
  if (contiguous) return `an integer from ${numbers[0]} to ${numbers[numbers.length - 1]}`
  if (values.length === 0) return 'a declared value (none are declared)'
  const shown = values.slice(0, 12).map((v) => JSON.stringify(v))
  return `one of ${shown.join(', ')}${values.length > 12 ? ', …' : ''}`
}

/** A short, safe rendering of a submitted value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value)
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = Object.prototype.toString.call(value)
  }
  return text.length > 40 ? `${text.slice(0, 37)}…` : text
}
