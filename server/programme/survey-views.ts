import { programmeLanguages } from '../db/brand-settings'
import { missingTranslations } from '../surveys/missing-translations'
import type { SessionUser } from '../auth/require-role'
import { canManage } from '../auth/wave-access'
import type { Db } from '../db/client'
import {
  countWavesBySurveyVersion,
  getSurvey,
  getSurveyVersion,
  listSurveysWithVersions,
  listSurveyVersions,
} from '../db/surveys'
import { ApiError } from '../lib/errors'
import { problemIssue, surveyProblems } from '../surveys/role-gaps'
import { roleMappingOf } from '../surveys/role-mapping'
import { surveyRoles } from '../surveys/survey-roles'

/**
 * The surveys this user may manage (null: the CLI, all of them), with their versions and the
 * waves that answer them.
 */
export async function listManagedSurveys(db: Db, user: SessionUser | null) {
  const waves = await countWavesBySurveyVersion(db)
  const wavesOf = (id: string) =>
    [...waves].filter(([key]) => key.startsWith(`${id}@`)).reduce((n, [, count]) => n + count, 0)
  return (await listSurveysWithVersions(db))
    .filter((s) => !user || canManage(user, s.audience))
    .map((s) => ({
      id: s.id,
      audience: s.audience,
      title: s.title,
      currentVersion: s.currentVersion,
      versions: s.versions,
      waves: wavesOf(s.id),
      updatedAt: s.updatedAt.toISOString(),
    }))
}

/** The survey row when it exists (404) and this user may manage its audience (403). */
export async function managedSurvey(db: Db, user: SessionUser | null, id: string) {
  const survey = await getSurvey(db, id)
  if (!survey) throw new ApiError('NOT_FOUND', `No survey ${id}`)
  if (user && !canManage(user, survey.audience)) {
    const whose = survey.audience === 'employee' ? 'HR' : 'managers'
    throw new ApiError(
      'FORBIDDEN',
      `Survey ${id} is for ${survey.audience}s: it is managed by ${whose}`,
    )
  }
  return survey
}

/** One stored version (404 when the survey has no such version). */
export async function surveyVersion(db: Db, id: string, version: number) {
  const row = await getSurveyVersion(db, id, version)
  if (!row) throw new ApiError('NOT_FOUND', `Survey ${id} has no version ${version}`)
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    definition: row.definition,
  }
}

/** A survey for the dashboard: its versions, the current definition and what it resolves to. */
export async function surveyDetail(db: Db, user: SessionUser | null, id: string) {
  const survey = await managedSurvey(db, user, id)
  const current = await surveyVersion(db, id, survey.currentVersion)
  const waves = await countWavesBySurveyVersion(db, id)
  const versions = (await listSurveyVersions(db, id)).map((v) => ({
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    waves: waves.get(`${id}@${v.version}`) ?? 0,
  }))
  return {
    survey: {
      id: survey.id,
      audience: survey.audience,
      title: survey.title,
      currentVersion: survey.currentVersion,
      createdAt: survey.createdAt.toISOString(),
    },
    versions,
    definition: current.definition,
    mapping: roleMappingOf(current.definition),
    roles: surveyRoles(current.definition),
    problems: surveyProblems(current.definition, survey.audience).map(problemIssue),
    // Texts without a programme language: shown in the default language until translated.
    translations: missingTranslations(current.definition, await programmeLanguages(db)),
  }
}
