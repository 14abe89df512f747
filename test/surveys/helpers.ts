import type { SurveyDefinition, ValidationResult } from '../../server/surveys'
import { shippedSurveys } from '../../server/surveys'

export const customer = shippedSurveys.find((s) => s.id === 'customer')!.definition
export const valid = { overall: 4, rebuy: 5 }

export function issuesOf(result: ValidationResult) {
  return result.ok ? [] : result.issues
}

/** A survey with one page of the given elements. */
export const survey = (...elements: Record<string, unknown>[]): SurveyDefinition => ({ elements })
