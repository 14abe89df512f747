import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { reportOptions, reportQuery } from '../lib/report-query'
import { validate } from '../lib/validate'
import { loadReportWaves, waveReport } from '../lib/wave-report'

const waveParam = z.object({ id: z.string().min(1).max(64) })

export const wavesRoute = new Hono<AppEnv>().get(
  '/:id/report',
  validate('param', waveParam),
  validate('query', reportQuery),
  async (c) => {
    const query = c.req.valid('query')
    const waves = await loadReportWaves(c.var.db, [c.req.valid('param').id, ...(query.with ?? [])])
    return c.json(await waveReport(c.var.db, waves, reportOptions(query)), 200)
  },
)
