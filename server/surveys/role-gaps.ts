import { lintDefinition } from './lint-definition'
import { surveyRoles } from './survey-roles'
import type { Audience, SurveyDefinition } from './types'

/**
 * Roles a survey must resolve before a wave can run on it (SPEC §3): every audience rates at
 * least one attribute; customers and intermediaries also give overall satisfaction, which the
 * default CSI is computed from. Each problem names the role and says how to fix it.
 */
export function roleGaps(definition: SurveyDefinition, audience: Audience): string[] {
  const roles = surveyRoles(definition)
  const gaps: string[] = []
  if (audience !== 'employee' && roles.overall === null)
    gaps.push(
      'overall: no 1–5 rating question named "overall"; name one so, or map it (overall=<question>)',
    )
  if (roles.attributes.length === 0)
    gaps.push(
      'attributes: no attribute found (an "attributes" matrix with columns 1–5, or 1–5 rating questions); map them (attributes=<matrix or questions>)',
    )
  return gaps
}

/**
 * Everything that stops a definition from being stored for this audience: the lint (which
 * includes the `csiRoles` mapping's own problems) and the roles it must resolve. Empty means it
 * may be published.
 */
export function surveyProblems(definition: unknown, audience: Audience): string[] {
  const lint = lintDefinition(definition)
  return lint.length > 0 ? lint : roleGaps(definition as SurveyDefinition, audience)
}

/** A problem string as an API issue: the question (or role) it names, and what is wrong. */
export function problemIssue(problem: string): { path: string; message: string } {
  const colon = problem.indexOf(': ')
  return colon < 0
    ? { path: 'definition', message: problem }
    : { path: problem.slice(0, colon), message: problem.slice(colon + 2) }
}
