import { programmeLanguages } from '../db/brand-settings'
import { missingTranslations } from '../surveys/missing-translations'
import { Hono } from 'hono'
import type { SessionUser } from '../auth/require-role'
import { requireRole } from '../auth/require-role'
import { canManage } from '../auth/wave-access'
import type { Audience } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { validate } from '../lib/validate'
import { roleCandidates } from '../surveys/role-candidates'
import { surveyRoles } from '../surveys/survey-roles'
import {
  checkSurveyBody,
  createSurveyBody,
  exportQuery,
  surveyParam,
  updateSurveyBody,
  versionParam,
} from './survey-bodies'
import { createSurvey, prepareSurvey, updateSurvey } from './survey-import'
import { listManagedSurveys, managedSurvey, surveyDetail, surveyVersion } from './survey-views'

const assertAudience = (user: SessionUser, audience: Audience) => {
  if (!canManage(user, audience))
    throw new ApiError(
      'FORBIDDEN',
      `${audience} surveys are managed by ${audience === 'employee' ? 'HR' : 'managers'}`,
    )
}

/** The programme's surveys and their versions (SPEC §3, §5.2). */
export const surveysRoute = new Hono<AppEnv>()
  .get('/', requireRole(), async (c) => {
    return c.json({ surveys: await listManagedSurveys(c.var.db, c.var.user) }, 200)
  })
  .post('/check', requireRole(), validate('json', checkSurveyBody), async (c) => {
    const body = c.req.valid('json')
    assertAudience(c.var.user, body.audience)
    const { definition, problems } = prepareSurvey(body, null)
    const roles = surveyRoles(definition)
    const candidates = roleCandidates(definition)
    const translations = missingTranslations(definition, await programmeLanguages(c.var.db))
    return c.json({ ok: problems.length === 0, problems, roles, candidates, translations }, 200)
  })
  .post('/', requireRole(), validate('json', createSurveyBody), async (c) => {
    const body = c.req.valid('json')
    assertAudience(c.var.user, body.audience)
    return c.json(await createSurvey(c.var, body), 201)
  })
  .get('/:id', requireRole(), validate('param', surveyParam), async (c) => {
    return c.json(await surveyDetail(c.var.db, c.var.user, c.req.valid('param').id), 200)
  })
  .put(
    '/:id',
    requireRole(),
    validate('param', surveyParam),
    validate('json', updateSurveyBody),
    async (c) => {
      const survey = await managedSurvey(c.var.db, c.var.user, c.req.valid('param').id)
      return c.json(await updateSurvey(c.var, survey, c.req.valid('json')), 200)
    },
  )
  .get('/:id/versions/:version', requireRole(), validate('param', versionParam), async (c) => {
    const { id, version } = c.req.valid('param')
    await managedSurvey(c.var.db, c.var.user, id)
    return c.json({ id, ...(await surveyVersion(c.var.db, id, version)) }, 200)
  })
  .get(
    '/:id/export',
    requireRole(),
    validate('param', surveyParam),
    validate('query', exportQuery),
    async (c) => {
      const { id } = c.req.valid('param')
      const survey = await managedSurvey(c.var.db, c.var.user, id)
      const version = c.req.valid('query').version ?? survey.currentVersion
      const { definition } = await surveyVersion(c.var.db, id, version)
      // csiRoles stays in: SurveyJS Creator ignores it, and an import reads the roles back.
      return c.body(`${JSON.stringify(definition, null, 2)}\n`, 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${id}-v${version}.json"`,
      })
    },
  )
