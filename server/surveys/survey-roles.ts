import { isPlainObject, textOf } from './json-walk'
import { questionsOf } from './compile-survey'
import { roleQuestions, rowKeys } from './role-questions'
import type { Audience, SurveyDefinition, SurveyRoles } from './types'
import { audiences } from './types'

export {
  isAttributeRating,
  isImportanceRating,
  isRatingRole,
  roleMatrix,
  roleNames,
} from './role-questions'

function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (audiences as readonly string[]).includes(value)
}

/**
 * What each question means to the reports: overall and rebuy (1–5 ratings of those names),
 * attributes (rows of the `attributes` matrix, or standalone 1–5 ratings), stated importance
 * (`importance` matrix rows or `imp_<key>` ratings), employee attitude items (`attitude`
 * matrix rows), segments (any other dropdown or radiogroup) and free-text comments. A role the
 * definition's `csiRoles` mapping names is read from the mapped questions instead.
 */
export function surveyRoles(definition: SurveyDefinition): SurveyRoles {
  const survey = isPlainObject(definition) ? definition : {}
  const roles = roleQuestions(definition)
  const importance = rowKeys(roles.importanceMatrix).map((row) => row.key)
  for (const { key } of roles.importanceRatings) {
    if (!importance.includes(key)) importance.push(key)
  }
  return {
    audience: isAudience(survey.audience) ? survey.audience : null,
    title: textOf(survey.title, ''),
    overall: roles.overall?.name ?? null,
    rebuy: roles.rebuy?.name ?? null,
    attributes: roles.attributes.map(({ key, label, source }) => ({ key, label, source })),
    importance,
    attitude: rowKeys(roles.attitudeMatrix).map((row) => row.key),
    segments: roles.segments.map((node) => node.name),
    comments: questionsOf(definition)
      .filter((node) => node.type === 'comment')
      .map((node) => node.name),
  }
}

/** The employee attitude items with their wording (rows of the attitude matrix). */
export function attitudeItems(definition: SurveyDefinition): Array<{ key: string; label: string }> {
  return rowKeys(roleQuestions(definition).attitudeMatrix)
}
