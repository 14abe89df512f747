import type { Store } from '../db/client'
import type { Audience } from '../db/schema'
import { getSurvey, getSurveyVersion, upsertSurvey } from '../db/surveys'
import { ApiError, type Issue } from '../lib/errors'
import { questionsOf } from '../surveys/compile-survey'
import { textOf } from '../surveys/json-walk'
import { problemIssue, surveyProblems } from '../surveys/role-gaps'
import type { RoleMapping } from '../surveys/role-mapping'
import { mappableRoles, roleMappingOf, withRoleMapping } from '../surveys/role-mapping'
import type { SurveyDefinition } from '../surveys/types'
import { SURVEY_ID } from './survey-bodies'

export type SurveyImport = {
  audience: Audience
  definition: SurveyDefinition
  /** Omitted: the definition's own `csiRoles`, else the previous version's mapping. */
  mapping?: RoleMapping | null
}

/**
 * The previous mapping, each role kept only while its questions still exist: a JSON saved by
 * SurveyJS Creator (which drops `csiRoles`) comes back with the roles it had.
 */
function inheritedMapping(definition: SurveyDefinition, previous: RoleMapping): RoleMapping {
  const names = new Set(questionsOf(definition).map((q) => q.name))
  const out: Record<string, unknown> = {}
  for (const role of mappableRoles) {
    const value = previous[role]
    if (Array.isArray(value)) out[role] = value.filter((name) => names.has(name))
    else if (typeof value === 'string' && names.has(value)) out[role] = value
  }
  return out as RoleMapping
}

/**
 * The definition as it would be stored (mapping inside) and everything that stops it: the
 * lint, the mapping's problems, the roles a wave needs, and an audience that disagrees.
 */
export function prepareSurvey(input: SurveyImport, previous: SurveyDefinition | null) {
  const own = roleMappingOf(input.definition)
  const previousMapping = previous ? roleMappingOf(previous) : null
  const mapping =
    input.mapping !== undefined
      ? input.mapping
      : (own ?? (previousMapping && inheritedMapping(input.definition, previousMapping)))
  const definition = withRoleMapping(input.definition, mapping)
  const problems: Issue[] = surveyProblems(definition, input.audience).map(problemIssue)
  const stated = input.definition.audience
  if (stated !== undefined && stated !== input.audience)
    problems.unshift({
      path: 'audience',
      message: `the definition says "${String(stated)}", the survey is for ${input.audience}`,
    })
  return { definition, problems }
}

export function refusal(problems: Issue[]) {
  const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ')
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`
  return new ApiError('BAD_REQUEST', `The survey has ${count}: ${list}`, problems)
}

/** A survey id from a title: lowercase ASCII words joined by dashes, or null if none is left. */
export function slugOf(title: string): string | null {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 62)
    .replace(/-+$/, '')
  if (!slug) return null
  const id = /^[a-z]/.test(slug) ? slug : `s-${slug}`
  return SURVEY_ID.test(id) ? id : null
}

export const titleOf = (definition: SurveyDefinition, fallback: string) =>
  textOf(definition.title, fallback).trim().slice(0, 200) || fallback

/** Stores a new survey (version 1); an existing id is a conflict, pointing at PUT. */
export async function createSurvey(
  store: Store,
  input: SurveyImport & { id?: string; title?: string },
) {
  const title = input.title ?? titleOf(input.definition, '')
  const id = input.id ?? slugOf(title)
  if (!id) {
    const message = 'give an id (or a title that makes one)'
    throw new ApiError('BAD_REQUEST', `id: ${message}`, [{ path: 'id', message }])
  }
  if (await getSurvey(store.db, id))
    throw new ApiError(
      'CONFLICT',
      `A survey ${id} exists: PUT /api/surveys/${id} to add a version of it`,
    )
  const { definition, problems } = prepareSurvey(input, null)
  if (problems.length > 0) throw refusal(problems)
  return upsertSurvey(store, { id, audience: input.audience, title: title || id, definition })
}

/**
 * Stores a changed definition as the survey's new current version (an unchanged one is
 * `created: false`); waves already created keep answering the version they pinned.
 */
export async function updateSurvey(
  store: Store,
  survey: { id: string; audience: Audience; title: string; currentVersion: number },
  input: Omit<SurveyImport, 'audience'> & { title?: string },
) {
  const previous = await getSurveyVersion(store.db, survey.id, survey.currentVersion)
  const prepared = prepareSurvey(
    { ...input, audience: survey.audience },
    previous?.definition ?? null,
  )
  if (prepared.problems.length > 0) throw refusal(prepared.problems)
  return upsertSurvey(store, {
    id: survey.id,
    audience: survey.audience,
    title: input.title ?? survey.title,
    definition: prepared.definition,
  })
}
