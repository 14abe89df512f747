import type { SessionUser } from '../auth/require-role'
import type { Audience } from '../db/schema'
import { getSurvey, getSurveyVersion, listSurveys } from '../db/surveys'
import type { Wave } from '../db/waves'
import { closeWave, createWave, getWave } from '../db/waves'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { canManage } from '../auth/wave-access'
import type { Db, Store } from '../db/client'
import { problemIssue, surveyProblems } from '../surveys/role-gaps'
import type { ReportingPeriod } from '../../reports/periods'
import { setWaveReportingPeriod } from '../db/waves'
import { rebuildWaveAggregates } from '../responses/rebuild-aggregates'
import { PERIOD_SEGMENT, periodRefusal } from '../surveys/reporting-period'
import { surveyRoles } from '../surveys/survey-roles'
import type { createWaveBody } from './wave-bodies'
import { waveSummary } from './wave-summary'

type Vars = AppEnv['Variables'] & { user: SessionUser }
type CreateWave = ReturnType<(typeof createWaveBody)['parse']>

const whoseWaves = (audience: Audience) => (audience === 'employee' ? 'HR' : 'managers')

/**
 * A wave answers its survey's current version: refused, naming each question or role, when
 * that version fails the lint or lacks the roles the reports need.
 */
export async function assertRunnable(
  db: Db,
  survey: { id: string; audience: Audience; currentVersion: number },
) {
  const version = await getSurveyVersion(db, survey.id, survey.currentVersion)
  const problems = surveyProblems(version?.definition, survey.audience)
  if (problems.length === 0) return
  throw new ApiError(
    'BAD_REQUEST',
    `surveyId: ${survey.id} v${survey.currentVersion} cannot run a wave: ${problems.join('; ')}`,
    problems.map(problemIssue),
  )
}

/** Creates a wave of a survey this user may run; the open link's URL is shown this once. */
export async function createManagedWave(v: Vars, body: CreateWave) {
  const survey = await getSurvey(v.db, body.surveyId)
  if (!survey) {
    const known = (await listSurveys(v.db)).filter((s) => canManage(v.user, s.audience))
    const message = `no survey "${body.surveyId}" (known: ${known.map((s) => s.id).join(', ')})`
    throw new ApiError('BAD_REQUEST', `surveyId: ${message}`, [{ path: 'surveyId', message }])
  }
  if (!canManage(v.user, survey.audience))
    throw new ApiError(
      'FORBIDDEN',
      `surveyId: ${survey.id} is ${survey.audience === 'employee' ? 'an' : 'a'} ${survey.audience} survey: its waves are for ${whoseWaves(survey.audience)}`,
    )
  await assertRunnable(v.db, survey)
  if (body.reportingPeriod)
    await assertPeriodAllowed(v.db, {
      ...survey,
      surveyId: survey.id,
      surveyVersion: survey.currentVersion,
    })
  const { wave, openLinkToken } = await createWave(v.db, { ...body, surveyId: survey.id })
  const base = v.config.publicUrl.replace(/\/+$/, '')
  return {
    wave: await waveSummary(v.db, wave, new Date()),
    openLink: openLinkToken ? `${base}/s/${openLinkToken}` : null,
  }
}

/** Closes the wave now (links stop working); a wave already closed is left as it was. */
export async function closeManagedWave(v: Vars, wave: Wave) {
  const now = new Date()
  if (!wave.closedAt) await closeWave(v.db, wave.id, now)
  return { wave: await waveSummary(v.db, (await getWave(v.db, wave.id))!, now) }
}

const periodError = (message: string) =>
  new ApiError('BAD_REQUEST', `reportingPeriod: ${message}`, [{ path: 'reportingPeriod', message }])

/**
 * A wave may report by period unless it is anonymous (a month's group is small and dates each
 * answer) or its survey asks its own question named `period`, whose answers the split would hide.
 */
export async function assertPeriodAllowed(
  db: Db,
  w: { audience: Audience; surveyId: string; surveyVersion: number },
) {
  const refusal = periodRefusal(w.audience)
  if (refusal) throw periodError(refusal)
  const version = await getSurveyVersion(db, w.surveyId, w.surveyVersion)
  if (version && surveyRoles(version.definition).segments.includes(PERIOD_SEGMENT))
    throw periodError(
      `survey ${w.surveyId} asks its own segment question "${PERIOD_SEGMENT}": rename it to report this wave by period`,
    )
}

/**
 * Makes a wave continuous (per month or quarter) or pooled again. Its responses keep their
 * submission times, so the aggregates are rebuilt from them at once: the report by period covers
 * the answers given before the change too.
 */
export async function setReportingPeriod(
  store: Store,
  wave: Wave,
  reportingPeriod: ReportingPeriod | null,
) {
  if (reportingPeriod) await assertPeriodAllowed(store.db, wave)
  if (wave.reportingPeriod !== reportingPeriod) {
    await setWaveReportingPeriod(store.db, wave.id, reportingPeriod)
    await rebuildWaveAggregates(store, wave.id, { fromAnswers: true })
  }
  return { wave: await waveSummary(store.db, (await getWave(store.db, wave.id))!, new Date()) }
}
