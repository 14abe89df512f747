import type { QuestionNode } from './json-walk'
import { isPlainObject } from './json-walk'
import { roleQuestions } from './role-questions'
import { isOneToFive, matrixColumnValues, numericValue, ratingValues } from './scales'
import { surveyRoles } from './survey-roles'
import type { Ratings, SurveyDefinition } from './types'

/** An integer 1–5 (or its numeric string), else null: "not applicable" and no answer are missing. */
export function toRating(value: unknown): number | null {
  const number = numericValue(value)
  return number !== null && Number.isInteger(number) && number >= 1 && number <= 5 ? number : null
}

function segmentValue(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null
}

type Pick = (answers: Record<string, unknown>) => unknown

/** The key a role's answer sits under, or null when the question is missing or not 1–5. */
function ratingKey(node: QuestionNode | null | undefined): string | null {
  return node && isOneToFive(ratingValues(node.json)) ? node.dataKey : null
}

function matrixKey(node: QuestionNode | null | undefined): string | null {
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
  const roles = surveyRoles(definition)
  const questions = roleQuestions(definition)
  const attributes = questions.attributes.map(({ key, source, question }) => ({
    key,
    pick: source === 'matrix' ? cellOf(matrixKey(question), key) : answerOf(ratingKey(question)),
  }))
  const importanceMatrix = matrixKey(questions.importanceMatrix)
  const importance = roles.importance.map((key) => ({
    key,
    fromMatrix: cellOf(importanceMatrix, key),
    fromRating: answerOf(
      ratingKey(questions.importanceRatings.find((r) => r.key === key)?.question),
    ),
  }))
  const segments = questions.segments.map((node) => ({
    name: node.name,
    pick: answerOf(node.dataKey),
  }))
  const attitudeMatrix = matrixKey(questions.attitudeMatrix)
  const attitude = roles.attitude.map((key) => ({ key, pick: cellOf(attitudeMatrix, key) }))
  const overall = answerOf(ratingKey(questions.overall))
  const rebuy = answerOf(ratingKey(questions.rebuy))

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
