import type { AggregateSpec, ResponseRecord } from '../../reports'
import type { Audience } from './audiences'
import { isAnonymous } from './audiences'
import { LANGUAGE_SEGMENT, surveyLanguages } from './survey-languages'
import type { SurveyDefinition } from './'
import { ratingsOf, surveyRoles } from './'

/**
 * What reports/ needs to know about a survey version: its attribute keys and segments. A survey
 * written in several languages adds the language answered in as a segment (`by=language`), except
 * for anonymous audiences: one staff member answering in a rare language would stand out.
 */
export function specOfSurvey(audience: Audience, definition: SurveyDefinition): AggregateSpec {
  const roles = surveyRoles(definition)
  const byLanguage =
    !isAnonymous(audience) &&
    surveyLanguages(definition).length > 1 &&
    !roles.segments.includes(LANGUAGE_SEGMENT)
  return {
    attributes: { [audience]: roles.attributes.map((a) => a.key) },
    segments: byLanguage ? [...roles.segments, LANGUAGE_SEGMENT] : roles.segments,
  }
}

/** A stored answer set as the reports engine reads it (ratings 1–5 or null, segment values). */
export function responseRecord(
  audience: Audience,
  definition: SurveyDefinition,
  answers: Record<string, unknown>,
): ResponseRecord {
  const r = ratingsOf(definition, answers)
  return {
    audience,
    overall: r.overall,
    rebuy: r.rebuy,
    attributes: r.attributes,
    importance: r.importance,
    segments: r.segments,
  }
}

/** Segment values as stored with a response: answered ones only. */
export function presentSegments(segments: Readonly<Record<string, string | null>>) {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(segments)) if (v !== null && v !== '') out[k] = v
  return out
}

/**
 * The survey's segment questions the contact list already answers for one invitee: the
 * respondent page fills and hides them, and a submission without them takes these values.
 */
export function contactPrefill(
  definition: SurveyDefinition,
  contactSegments: Readonly<Record<string, string>> | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {}
  if (!contactSegments) return out
  for (const name of surveyRoles(definition).segments) {
    const v = contactSegments[name]
    if (v) out[name] = v
  }
  return out
}
