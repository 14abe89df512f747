export { lintDefinition } from './lint-definition'
export { ratingsOf, toRating } from './ratings-of'
export type { ShippedSurvey } from './shipped-surveys'
export { shippedSurveys } from './shipped-surveys'
export { roleNames, surveyRoles } from './survey-roles'
export { audiences } from './types'
export type {
  AnswerIssue,
  AttributeRole,
  Audience,
  Ratings,
  SurveyDefinition,
  SurveyRoles,
  ValidationResult,
} from './types'
export { MAX_SUBMISSION_CHARS, validateAnswers } from './validate-answers'
