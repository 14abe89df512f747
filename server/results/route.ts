import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { reportOptions, reportQuery } from './report-query'
import { requireRole } from '../auth/require-role'
import { validate } from '../lib/validate'
import { assertCanReport } from '../auth/wave-access'
import { loadReportWaves, waveReport } from './wave-report'
import { waveDetail } from '../waves/wave-detail'
import { loadWaveSurvey } from '../db/wave-survey'
import { ApiError } from '../lib/errors'

const waveParam = z.object({ id: z.string().min(1).max(64) })

export const wavesRoute = new Hono<AppEnv>()
  .get('/:id', requireRole(), validate('param', waveParam), async (c) => {
    const loaded = await loadWaveSurvey(c.var.db, c.req.valid('param').id)
    if (!loaded) throw new ApiError('NOT_FOUND', `No wave ${c.req.valid('param').id}`)
    assertCanReport(c.var.user, [loaded.wave])
    return c.json(await waveDetail(c.var.db, c.var.user, loaded), 200)
  })
  .get(
    '/:id/report',
    requireRole(),
    validate('param', waveParam),
    validate('query', reportQuery),
    async (c) => {
      const query = c.req.valid('query')
      const waves = await loadReportWaves(c.var.db, [
        c.req.valid('param').id,
        ...(query.with ?? []),
      ])
      assertCanReport(
        c.var.user,
        waves.map((w) => w.wave),
      )
      return c.json(await waveReport(c.var.db, waves, reportOptions(query)), 200)
    },
  )
