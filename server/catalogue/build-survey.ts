import { canManage } from '../auth/wave-access'
import type { SessionUser } from '../auth/require-role'
import { programmeLanguages } from '../db/brand-settings'
import { listCatalogue } from '../db/catalogue'
import type { Db } from '../db/client'
import { getSurvey, getSurveyVersion } from '../db/surveys'
import { ApiError } from '../lib/errors'
import { buildFromCatalogue, departmentChoices } from '../surveys/build-from-catalogue'
import { itemValues, textOf, walkQuestions } from '../surveys/json-walk'
import { surveyProblems } from '../surveys/role-gaps'
import { starterCatalogue } from '../surveys/starter-catalogue'
import { surveyRoles } from '../surveys/survey-roles'
import type { SurveyDefinition } from '../surveys/types'
import type { BuildBody } from './schemas'

/** The saved catalogue, or the starter one read off the shipped surveys until there is one. */
export async function currentCatalogue(db: Db) {
  const saved = await listCatalogue(db)
  return { items: saved.length > 0 ? saved : starterCatalogue(), saved: saved.length > 0 }
}

const keysOf = (definition: SurveyDefinition) => {
  const roles = surveyRoles(definition)
  return [...roles.attributes.map((a) => a.key), ...roles.attitude]
}

// Region, size and other segments of the current version stay, so breakdowns keep working.
const segmentsOf = (definition: SurveyDefinition) =>
  walkQuestions(definition)
    .filter((q) => (q.type === 'dropdown' || q.type === 'radiogroup') && q.name !== 'department')
    .map((q) => q.json)

// The employee survey's areas stay as they are unless new ones are given.
const departmentsOf = (definition: SurveyDefinition) => {
  const question = walkQuestions(definition).find((q) => q.name === 'department')
  const choices = question ? itemValues(question.json.choices) : []
  return choices.length > 0
    ? choices.map((c) => ({ value: String(c.value), text: c.text }))
    : undefined
}

/**
 * The survey an audience gets from the catalogue, with its problems and the keys it adds or
 * drops against the survey's current version; nothing is stored.
 */
export async function buildSurvey(db: Db, user: SessionUser, body: BuildBody) {
  const { audience } = body
  if (!canManage(user, audience)) {
    const whose = audience === 'employee' ? 'HR' : 'managers'
    throw new ApiError('FORBIDDEN', `The ${audience} survey is for ${whose} to build`)
  }
  const surveyId = body.surveyId ?? audience
  const survey = await getSurvey(db, surveyId)
  if (survey && survey.audience !== audience)
    throw new ApiError('BAD_REQUEST', `Survey ${surveyId} is a ${survey.audience} survey`, [
      { path: 'surveyId', message: `is a ${survey.audience} survey, not ${audience}` },
    ])
  const current = survey && (await getSurveyVersion(db, surveyId, survey.currentVersion))
  const before = current ? current.definition : null
  const { items } = await currentCatalogue(db)
  const definition = buildFromCatalogue(items, {
    audience,
    title: body.title ?? survey?.title,
    importance: body.importance ?? (before ? surveyRoles(before).importance.length > 0 : false),
    departments: body.departments
      ? departmentChoices(body.departments)
      : before
        ? departmentsOf(before)
        : undefined,
    segments: before ? segmentsOf(before) : [],
    languages: await programmeLanguages(db),
  })
  const built = keysOf(definition)
  const had = before ? keysOf(before) : []
  return {
    surveyId,
    title: textOf(definition.title, surveyId),
    current: survey ? { version: survey.currentVersion, title: survey.title } : null,
    definition,
    problems: surveyProblems(definition, audience),
    changes: {
      added: built.filter((k) => !had.includes(k)),
      dropped: had.filter((k) => !built.includes(k)),
    },
  }
}
