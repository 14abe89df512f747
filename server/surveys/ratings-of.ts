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

type Pick = (answers: Record<string, unknown>) => unknown

/** The key a role's answer sits under, or null when the question is missing or not 1–5. */
function ratingKey(node: QuestionNode | undefined): string | null {
  return node && isOneToFive(ratingValues(node.json)) ? node.dataKey : null
}

function matrixKey(node: QuestionNode | undefined): string | null {
  return node && isOneToFive(matrixColumnValues(node.json)) ? node.dataKey : null
}

function cellOf(matrix: string | null, row: string): Pick {
  if (matrix === null) return () => null
  return (a) => {
    const cells = a[matrix]
    return isPlainObject(cells) ? cells[row] : null
  }
}

const answerOf = (key: string | null): Pick => (key === null ? () => null : (a) => a[key])

/**
 * Works out once per definition where each role's answer sits, and returns the mapping from
 * answers to ratings: reports (and aggregate rebuilds over millions of rows) call it per response.
 */
function compileRatings(definition: SurveyDefinition): (data: Record<string, unknown>) => Ratings {
  const roles = isPlainObject(definition) ? cachedRoles(definition) : surveyRoles(definition)
  const questions = questionsOf(definition)
  const byName = (predicate: (node: QuestionNode) => boolean, name: string) =>
    questions.find((node) => predicate(node) && node.name === name)
  const attributesMatrix = matrixKey(roleMatrix(questions, roleNames.attributes))
  const importanceMatrix = matrixKey(roleMatrix(questions, roleNames.importance))
  const attitudeMatrix = matrixKey(roleMatrix(questions, roleNames.attitude))
  const attributes = roles.attributes.map(({ key, source }) => ({
    key,
    pick:
      source === 'matrix'
        ? cellOf(attributesMatrix, key)
        : answerOf(ratingKey(byName(isAttributeRating, key))),
  }))
  const importance = roles.importance.map((key) => ({
    key,
    fromMatrix: cellOf(importanceMatrix, key),
    fromRating: answerOf(ratingKey(byName(isImportanceRating, roleNames.importancePrefix + key))),
  }))
  const segments = roles.segments.map((name) => ({
    name,
    pick: answerOf(questions.find((q) => q.name === name)?.dataKey ?? null),
  }))
  const attitude = roles.attitude.map((key) => ({ key, pick: cellOf(attitudeMatrix, key) }))
  const overall = answerOf(
    ratingKey(byName((n) => isRatingRole(n, roleNames.overall), roleNames.overall)),
  )
  const rebuy = answerOf(
    ratingKey(byName((n) => isRatingRole(n, roleNames.rebuy), roleNames.rebuy)),
  )

  return (data) => {
    const answers = isPlainObject(data) ? data : {}
    const out: Ratings = {
      audience: roles.audience,
      overall: toRating(overall(answers)),
      rebuy: toRating(rebuy(answers)),
      attributes: {},
      importance: {},
      attitude: {},
      segments: {},
    }
    for (const a of attributes) out.attributes[a.key] = toRating(a.pick(answers))
    for (const i of importance) {
      out.importance[i.key] = toRating(i.fromMatrix(answers)) ?? toRating(i.fromRating(answers))
    }
    for (const a of attitude) out.attitude[a.key] = toRating(a.pick(answers))
    for (const g of segments) out.segments[g.name] = segmentValue(g.pick(answers))
    return out
  }
}

const compiled = new WeakMap<object, (data: Record<string, unknown>) => Ratings>()

/**
 * Maps validated answers to what the reports consume: `{ audience, overall, rebuy, attributes,
 * importance, attitude, segments }`. Every role in the survey gets a key; a question on a scale
 * other than 1–5, or an answer that is not an integer 1–5, gives null.
 */
export function ratingsOf(definition: SurveyDefinition, data: Record<string, unknown>): Ratings {
  if (!isPlainObject(definition)) return compileRatings(definition)(data)
  let map = compiled.get(definition)
  if (!map) compiled.set(definition, (map = compileRatings(definition)))
  return map(data)
}
