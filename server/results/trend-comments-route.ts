import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { reportOptions, reportQuery } from './report-query'
import { validate } from '../lib/validate'
import { readableWaveSurvey } from '../auth/wave-access'
import { waveComments } from './wave-comments'
import { reportLabels } from '../waves/wave-detail'
import { waveTrend } from './wave-trend'

const waveParam = z.object({ id: z.string().min(1).max(64) })
const trendQuery = reportQuery.pick({ csi: true, scale: true })
const commentsQuery = z
  .object({
    by: z.string().min(1).max(64).default('overall'),
    scale: z.enum(['linear', 'proportional', 'anchored10']).default('linear'),
    before: z.coerce.number().int().positive().optional(),
  })
  .strict()

/** Results beside the report: the trend over a survey's waves, and the verbatim comments. */
export const waveResultsRoute = new Hono<AppEnv>()
  .get(
    '/:id/trend',
    requireRole(),
    validate('param', waveParam),
    validate('query', trendQuery),
    async (c) => {
      const loaded = await readableWaveSurvey(c, c.req.valid('param').id)
      const options = reportOptions(c.req.valid('query'))
      return c.json(await waveTrend(c.var.db, loaded, options), 200)
    },
  )
  .get(
    '/:id/comments',
    requireRole(),
    validate('param', waveParam),
    validate('query', commentsQuery),
    async (c) => {
      const loaded = await readableWaveSurvey(c, c.req.valid('param').id)
      const q = c.req.valid('query')
      const attributes = reportLabels(loaded.survey.definition).attributes.map((a) => a.key)
      if (q.by !== 'overall' && !attributes.includes(q.by))
        throw new ApiError(
          'BAD_REQUEST',
          `by: "${q.by}" is neither overall nor an attribute of this survey (${attributes.join(', ')})`,
        )
      return c.json(
        await waveComments(c.var.db, loaded, {
          by: q.by,
          scale: q.scale,
          before: q.before ?? null,
        }),
        200,
      )
    },
  )
