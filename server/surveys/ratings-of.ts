import type { QuestionNode } from './json-walk'
import { isPlainObject } from './json-walk'
import { questionsOf } from './compile-survey'
import { isOneToFive, matrixColumnValues, numericValue, ratingValues } from './scales'
import {
  isAttributeRating,
  isImportanceRating,
  isRatingRole,
  roleMatrix,
  roleNames,
  surveyRoles,
} from './survey-roles'
import type { Ratings, SurveyDefinition, SurveyRoles } from './types'

// Reports call this once per response: work out the roles once per definition.
const rolesCache = new WeakMap<object, SurveyRoles>()

function cachedRoles(definition: SurveyDefinition): SurveyRoles {
  let roles = rolesCache.get(definition)
  if (!roles) rolesCache.set(definition, (roles = surveyRoles(definition)))
  return roles
}

/** An integer 1–5 (or its numeric string), else null: "not applicable" and no answer are missing. */
export function toRating(value: unknown): number | null {
  const number = numericValue(value)
  return number !== null && Number.isInteger(number) && number >= 1 && number <= 5 ? number : null
}

function ratingAnswer(
  node: QuestionNode | undefined,
  data: Record<string, unknown>,
): number | null {
  if (!node || !isOneToFive(ratingValues(node.json))) return null
  return toRating(data[node.dataKey])
}

function matrixAnswers(
  node: QuestionNode | undefined,
  data: Record<string, unknown>,
): Record<string, unknown> {
  if (!node || !isOneToFive(matrixColumnValues(node.json))) return {}
  const answer = data[node.dataKey]
  return isPlainObject(answer) ? answer : {}
}

function segmentValue(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null
}

/**
 * Maps validated answers to what the reports consume: `{ audience, overall, rebuy, attributes,
 * importance, attitude, segments }`. Every role in the survey gets a key; a question on a scale
 * other than 1–5, or an answer that is not an integer 1–5, gives null.
 */
export function ratingsOf(definition: SurveyDefinition, data: Record<string, unknown>): Ratings {
  const roles = isPlainObject(definition) ? cachedRoles(definition) : surveyRoles(definition)
  const questions = questionsOf(definition)
  const answers = isPlainObject(data) ? data : {}
  const byName = (predicate: (node: QuestionNode) => boolean, name: string) =>
    questions.find((node) => predicate(node) && node.name === name)
  const attributeCells = matrixAnswers(roleMatrix(questions, roleNames.attributes), answers)
  const importanceCells = matrixAnswers(roleMatrix(questions, roleNames.importance), answers)
  const attitudeCells = matrixAnswers(roleMatrix(questions, roleNames.attitude), answers)

  const attributes = Object.fromEntries(
    roles.attributes.map(({ key, source }) => [
      key,
      source === 'matrix'
        ? toRating(attributeCells[key])
        : ratingAnswer(byName(isAttributeRating, key), answers),
    ]),
  )
  const importance = Object.fromEntries(
    roles.importance.map((key) => {
      const fromMatrix = toRating(importanceCells[key])
      const rating = byName(isImportanceRating, roleNames.importancePrefix + key)
      return [key, fromMatrix ?? ratingAnswer(rating, answers)]
    }),
  )
  const segments = Object.fromEntries(
    roles.segments.map((name) => {
      const node = questions.find((q) => q.name === name)
      return [name, node ? segmentValue(answers[node.dataKey]) : null]
    }),
  )
  return {
    audience: roles.audience,
    overall: ratingAnswer(
      byName((n) => isRatingRole(n, roleNames.overall), roleNames.overall),
      answers,
    ),
    rebuy: ratingAnswer(
      byName((n) => isRatingRole(n, roleNames.rebuy), roleNames.rebuy),
      answers,
    ),
    attributes,
    importance,
    attitude: Object.fromEntries(roles.attitude.map((key) => [key, toRating(attitudeCells[key])])),
    segments,
  }
}
