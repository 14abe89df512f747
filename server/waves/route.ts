import { Hono } from 'hono'
import { requireRole } from '../auth/require-role'
import { canManage, managedWave, managedWaveSurvey, readableWaveSurvey } from '../auth/wave-access'
import { listWaves, waveState } from '../db/waves'
import { withoutRoleMapping } from '../surveys/role-mapping'
import type { AppEnv } from '../env'
import { emptyBody, validate, waveParam } from '../lib/validate'
import { closeManagedWave, createManagedWave, setReportingPeriod } from './wave-admin'
import { createWaveBody, updateWaveBody } from './wave-bodies'
import { waveDetail } from './wave-detail'
import { waveSummary } from './wave-summary'

/** The wave resource: the list, one wave for its pages, its questionnaire, create, edit, close. */
export const wavesRoute = new Hono<AppEnv>()
  .get('/', requireRole(), async (c) => {
    const now = new Date()
    const waves = []
    for (const w of await listWaves(c.var.db)) {
      if (canManage(c.var.user, w.audience)) waves.push(await waveSummary(c.var.db, w, now))
    }
    return c.json({ waves }, 200)
  })
  .post('/', requireRole(), validate('json', createWaveBody), async (c) => {
    return c.json(await createManagedWave(c.var, c.req.valid('json')), 201)
  })
  .get('/:id', requireRole(), validate('param', waveParam), async (c) => {
    const loaded = await readableWaveSurvey(c, c.req.valid('param').id)
    return c.json(await waveDetail(c.var.db, c.var.user, loaded), 200)
  })
  .patch(
    '/:id',
    requireRole(),
    validate('param', waveParam),
    // Who may touch the wave is decided before the body is read: a 403, never a 400 first.
    async (c, next) => {
      await managedWave(c, c.req.param('id'))
      await next()
    },
    validate('json', updateWaveBody),
    async (c) => {
      const wave = await managedWave(c, c.req.valid('param').id)
      const { reportingPeriod } = c.req.valid('json')
      const updated =
        reportingPeriod === undefined
          ? { wave: await waveSummary(c.var.db, wave, new Date()) }
          : await setReportingPeriod({ db: c.var.db, atomic: c.var.atomic }, wave, reportingPeriod)
      return c.json(updated, 200)
    },
  )
  .get('/:id/survey', requireRole(), validate('param', waveParam), async (c) => {
    const { wave, survey } = await managedWaveSurvey(c, c.req.valid('param').id)
    return c.json(
      {
        wave: {
          id: wave.id,
          name: wave.name,
          audience: wave.audience,
          state: waveState(wave, new Date()),
        },
        survey: {
          id: survey.surveyId,
          version: survey.version,
          // The interviewer's survey-core needs the questions, not our role mapping.
          definition: withoutRoleMapping(survey.definition),
        },
      },
      200,
    )
  })
  .post(
    '/:id/close',
    requireRole(),
    validate('param', waveParam),
    validate('json', emptyBody),
    async (c) => {
      const wave = await managedWave(c, c.req.valid('param').id)
      return c.json(await closeManagedWave(c.var, wave), 200)
    },
  )
