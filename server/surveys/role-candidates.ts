import { questionsOf } from './compile-survey'
import type { QuestionNode } from './json-walk'
import { textOf } from './json-walk'
import type { MappableRole } from './role-mapping'
import { mappableRoles } from './role-mapping'
import { isOneToFive, matrixColumnValues, ratingValues } from './scales'
import type { SurveyDefinition } from './types'

export type RoleCandidate = { name: string; title: string; type: string }

const isRating15 = (q: QuestionNode) => q.type === 'rating' && isOneToFive(ratingValues(q.json))
const isMatrix15 = (q: QuestionNode) =>
  q.type === 'matrix' && isOneToFive(matrixColumnValues(q.json))
const isSegment = (q: QuestionNode) => q.type === 'dropdown' || q.type === 'radiogroup'

const eligible: Record<MappableRole, (q: QuestionNode) => boolean> = {
  overall: isRating15,
  rebuy: isRating15,
  attributes: (q) => isRating15(q) || isMatrix15(q),
  importance: isMatrix15,
  attitude: isMatrix15,
  segments: isSegment,
}

/**
 * For a mapping form: per role, the questions that could play it (in survey order) — 1–5
 * ratings for overall and rebuy, matrices with columns 1–5 (and, for attributes, 1–5 ratings),
 * dropdowns and radiogroups for segments.
 */
export function roleCandidates(
  definition: SurveyDefinition,
): Record<MappableRole, RoleCandidate[]> {
  const questions = questionsOf(definition)
  const out = {} as Record<MappableRole, RoleCandidate[]>
  for (const role of mappableRoles) {
    out[role] = questions
      .filter(eligible[role])
      .map((q) => ({ name: q.name, title: textOf(q.json.title, q.name), type: q.type }))
  }
  return out
}
