import type { SurveyDefinition, SurveyRoles } from '../surveys'
import { walkQuestions } from '../surveys/json-walk'

const NO_ANSWER = new Set(['html', 'image', 'expression'])

function listQuestionNames(definition: SurveyDefinition): string[] {
  const names = walkQuestions(definition)
    .filter((q) => !NO_ANSWER.has(q.type))
    .map((q) => q.dataKey)
  return [...new Set(names)]
}

const FIXED = ['respondent', 'wave', 'audience', 'mode', 'submitted_at'] as const

/**
 * Flattens SurveyJS answers to CSV cells: matrix rows become their own columns (attribute
 * rows by their key, as SPEC 5.3 wants; other matrices as `question.row`), arrays are joined.
 */
export function flattenAnswers(answers: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(answers)) {
    if (value === null || value === undefined) continue
    if (Array.isArray(value)) out[name] = value.map(String).join('; ')
    else if (typeof value === 'object') {
      for (const [row, cell] of Object.entries(value as Record<string, unknown>)) {
        const column =
          name === 'attributes' ? row : name === 'importance' ? `imp_${row}` : `${name}.${row}`
        out[column] =
          typeof cell === 'number'
            ? cell
            : typeof cell === 'object'
              ? JSON.stringify(cell)
              : String(cell)
      }
    } else out[name] = typeof value === 'number' ? value : String(value)
  }
  return out
}

/** Header and row builder for one survey version's export. */
export function responseColumns(roles: SurveyRoles, definition: SurveyDefinition) {
  const rated = [
    ...(roles.overall ? ['overall'] : []),
    ...(roles.rebuy ? ['rebuy'] : []),
    ...roles.attributes.map((a) => a.key),
    ...roles.importance.map((k) => `imp_${k}`),
  ]
  const taken = new Set<string>([...FIXED, ...rated, ...roles.segments])
  const others = listQuestionNames(definition).filter(
    (n) => !taken.has(n) && !isRoleContainer(n, roles),
  )
  // Employee attitude items, one column per row as flattenAnswers names them.
  const attitude = roles.attitude.map((k) => `attitude.${k}`)
  const header = [...FIXED, ...rated, ...roles.segments, ...attitude, ...others]
  const source = (column: string) =>
    column === 'overall' ? roles.overall! : column === 'rebuy' ? roles.rebuy! : column
  return {
    header,
    row: (values: Record<string, string | number>) => header.map((h) => values[source(h)] ?? ''),
  }
}

function isRoleContainer(name: string, roles: SurveyRoles) {
  return (
    name === 'attributes' ||
    name === 'importance' ||
    (roles.attitude.length > 0 && name === 'attitude')
  )
}
