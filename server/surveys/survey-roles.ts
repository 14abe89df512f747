import type { QuestionNode } from './json-walk'
import { isPlainObject, itemValues, textOf } from './json-walk'
import { questionsOf } from './compile-survey'
import { isOneToFive, ratingValues } from './scales'
import type { AttributeRole, Audience, SurveyDefinition, SurveyRoles } from './types'
import { audiences } from './types'

/** Question names with a fixed meaning in reports (SPEC §3). */
export const roleNames = {
  overall: 'overall',
  rebuy: 'rebuy',
  attributes: 'attributes',
  importance: 'importance',
  attitude: 'attitude',
  importancePrefix: 'imp_',
} as const

const segmentTypes = new Set(['dropdown', 'radiogroup'])

function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (audiences as readonly string[]).includes(value)
}

export function isRatingRole(node: QuestionNode, name: string): boolean {
  return node.name === name && node.type === 'rating'
}

/** Standalone 1–5 rating questions that are attributes: not overall, rebuy or imp_<key>. */
export function isAttributeRating(node: QuestionNode): boolean {
  return (
    node.type === 'rating' &&
    node.name !== roleNames.overall &&
    node.name !== roleNames.rebuy &&
    !node.name.startsWith(roleNames.importancePrefix) &&
    isOneToFive(ratingValues(node.json))
  )
}

export function isImportanceRating(node: QuestionNode): boolean {
  return node.type === 'rating' && node.name.startsWith(roleNames.importancePrefix)
}

export function roleMatrix(questions: QuestionNode[], name: string): QuestionNode | undefined {
  return questions.find((node) => node.name === name && node.type === 'matrix')
}

function rowKeys(node: QuestionNode | undefined): Array<{ key: string; label: string }> {
  if (!node) return []
  return itemValues(node.json.rows).map((row) => ({ key: String(row.value), label: row.text }))
}

/**
 * What each question means to the reports: overall and rebuy (1–5 ratings of those names),
 * attributes (rows of the `attributes` matrix, or standalone 1–5 ratings), stated importance
 * (`importance` matrix rows or `imp_<key>` ratings), employee attitude items (`attitude`
 * matrix rows), segments (any other dropdown or radiogroup) and free-text comments.
 */
export function surveyRoles(definition: SurveyDefinition): SurveyRoles {
  const survey = isPlainObject(definition) ? definition : {}
  const questions = questionsOf(definition)
  const attributes: AttributeRole[] = []
  const addAttribute = (role: AttributeRole) => {
    if (!attributes.some((known) => known.key === role.key)) attributes.push(role)
  }
  for (const row of rowKeys(roleMatrix(questions, roleNames.attributes))) {
    addAttribute({ ...row, source: 'matrix' })
  }
  for (const node of questions.filter(isAttributeRating)) {
    addAttribute({ key: node.name, label: textOf(node.json.title, node.name), source: 'rating' })
  }
  const importance = rowKeys(roleMatrix(questions, roleNames.importance)).map((row) => row.key)
  for (const node of questions.filter(isImportanceRating)) {
    const key = node.name.slice(roleNames.importancePrefix.length)
    if (key && !importance.includes(key)) importance.push(key)
  }
  const roleOf = (name: string) => questions.find((node) => isRatingRole(node, name))?.name ?? null
  return {
    audience: isAudience(survey.audience) ? survey.audience : null,
    title: textOf(survey.title, ''),
    overall: roleOf(roleNames.overall),
    rebuy: roleOf(roleNames.rebuy),
    attributes,
    importance,
    attitude: rowKeys(roleMatrix(questions, roleNames.attitude)).map((row) => row.key),
    segments: questions.filter((node) => segmentTypes.has(node.type)).map((node) => node.name),
    comments: questions.filter((node) => node.type === 'comment').map((node) => node.name),
  }
}

/** The employee attitude items with their wording (rows of the `attitude` matrix). */
export function attitudeItems(definition: SurveyDefinition): Array<{ key: string; label: string }> {
  return rowKeys(roleMatrix(questionsOf(definition), roleNames.attitude))
}
