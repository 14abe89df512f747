import type { SurveyDefinition } from './'
import { surveyRoles } from './'

// Definitions are stored versions that never change: their comment questions are found once.
const commentKeys = new WeakMap<object, string[]>()

/** Whether a respondent wrote anything in the survey's free-text (comment) questions. */
export function hasComment(definition: SurveyDefinition, data: Record<string, unknown>): boolean {
  let keys = commentKeys.get(definition as object)
  if (!keys) commentKeys.set(definition as object, (keys = surveyRoles(definition).comments))
  return keys.some((k) => typeof data[k] === 'string' && data[k].trim() !== '')
}
