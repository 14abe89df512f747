import type { Checked } from './types'
import { isShown } from './conditions'
import type { QuestionNode } from './json-walk'
import { isPlainObject, itemValues } from './json-walk'
import {
  describeScale,
  describeValue,
  matchDeclared,
  matrixColumnValues,
  numericValue,
} from './scales'

const MAX_CELL_MESSAGES = 3

/**
 * A single-select matrix answer is `{ rowValue: columnValue }`. Rows may be absent (skipped =
 * not applicable); cells may be numbers or numeric strings, which come back as numbers.
 */
export function checkMatrix({ json, name }: QuestionNode, value: unknown): Checked {
  if (!isPlainObject(value)) {
    return {
      ok: false,
      message: `${name}: must be an object of row answers, got ${describeValue(value)}`,
    }
  }
  const rows = new Set(itemValues(json.rows).map((row) => String(row.value)))
  const columns = matrixColumnValues(json)
  const problems: string[] = []
  const cleaned: Array<[string, unknown]> = []
  for (const [row, cell] of Object.entries(value)) {
    if (!rows.has(row)) {
      problems.push(`${name}.${row}: not a row of this matrix`)
      continue
    }
    if (cell === null || cell === undefined) continue
    const match = matchDeclared(cell, columns)
    if (match === undefined) {
      problems.push(`${name}.${row}: must be ${describeScale(columns)}, got ${describeValue(cell)}`)
      continue
    }
    cleaned.push([row, numericValue(match) ?? match])
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_CELL_MESSAGES)
    const more = problems.length - shown.length
    return { ok: false, message: shown.join('; ') + (more > 0 ? `; and ${more} more` : '') }
  }
  // fromEntries defines properties, so a row named "__proto__" cannot touch the prototype
  return { ok: true, value: Object.fromEntries(cleaned) }
}

/** Drops rows whose own `visibleIf` is false, as survey-core does on completion. */
export function visibleRowsOnly(
  { json }: QuestionNode,
  answer: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const hidden = new Set(
    itemValues(json.rows)
      .filter(
        (row) => row.visibleIf !== undefined && !isShown({ visibleIf: row.visibleIf }, values),
      )
      .map((row) => String(row.value)),
  )
  if (hidden.size === 0) return answer
  return Object.fromEntries(Object.entries(answer).filter(([row]) => !hidden.has(row)))
}

/** Visible rows left blank when the matrix has `eachRowRequired` (formerly `isAllRowRequired`). */
export function missingRequiredRows(
  { json }: QuestionNode,
  answer: unknown,
  values: Record<string, unknown>,
): string[] {
  if (json.eachRowRequired !== true && json.isAllRowRequired !== true) return []
  const answered = isPlainObject(answer) ? answer : {}
  return itemValues(json.rows)
    .filter((row) => row.visibleIf === undefined || isShown({ visibleIf: row.visibleIf }, values))
    .map((row) => String(row.value))
    .filter((row) => {
      const cell = answered[row]
      return cell === undefined || cell === null || cell === ''
    })
}
