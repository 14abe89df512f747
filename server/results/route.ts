import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole, type SessionUser } from '../auth/require-role'
import { assertCanReport, readableWaveSurvey } from '../auth/wave-access'
import type { AppEnv } from '../env'
import { csvFileName, csvHeaders } from '../lib/csv-download'
import { ApiError } from '../lib/errors'
import { validate, waveParam } from '../lib/validate'
import { reportLabels } from '../surveys/report-labels'
import { renderCsv } from './report-csv'
import { reportOptions, reportQuery } from './report-query'
import { waveComments } from './wave-comments'
import { deleteWavePopulation, loadWavePopulation, saveWavePopulation } from './wave-population'
import { loadReportWaves, waveReport } from './wave-report'
import { waveTrend } from './wave-trend'
import { wavePeriodTrend } from './period-trend'

const trendQuery = reportQuery.pick({ csi: true, scale: true })
const commentsQuery = z
  .object({
    by: z.string().min(1).max(64).default('overall'),
    // Absent: the programme's scale (GET /api/settings/bands).
    scale: z.enum(['linear', 'proportional', 'anchored10']).optional(),
    before: z.coerce.number().int().positive().optional(),
  })
  .strict()

type Query = z.infer<typeof reportQuery>
type Vars = { var: AppEnv['Variables'] & { user: SessionUser } }

/** The report of a wave, with any `with=` waves beside it, for a user who may read them all. */
async function readableReport(c: Vars, id: string, query: Query) {
  const waves = await loadReportWaves(c.var.db, [id, ...(query.with ?? [])])
  assertCanReport(
    c.var.user,
    waves.map((w) => w.wave),
  )
  const store = { db: c.var.db, atomic: c.var.atomic }
  return { waves, report: await waveReport(store, waves, reportOptions(query)) }
}

const populationBody = z
  .object({
    csv: z.string().min(1).max(200_000),
    trimAt: z.number().gt(1).max(100).optional(),
  })
  .strict()

/** A wave a user may read, for its population setting. */
async function readableWave(c: Vars, id: string) {
  const [loaded] = await loadReportWaves(c.var.db, [id])
  assertCanReport(c.var.user, [loaded!.wave])
  return loaded!
}

/**
 * A wave's results: the report (JSON and tidy CSV), the trend over its survey's waves, a continuous
 * wave's periods, comments.
 */
export const resultsRoute = new Hono<AppEnv>()
  .get('/:id/population', requireRole(), validate('param', waveParam), async (c) => {
    const loaded = await readableWave(c, c.req.valid('param').id)
    const stored = await loadWavePopulation(c.var.db, loaded.wave.id)
    return c.json(
      stored && {
        csv: stored.csv,
        trimAt: stored.trimAt,
        variables: stored.population.variables,
        form: stored.population.form,
      },
      200,
    )
  })
  .put(
    '/:id/population',
    requireRole('admin', 'manager'),
    validate('param', waveParam),
    // Who may touch the wave is decided before the body is read: a 403, never a 400 first.
    async (c, next) => {
      await readableWave(c as unknown as Vars, c.req.param('id'))
      await next()
    },
    validate('json', populationBody),
    async (c) => {
      const loaded = await readableWave(c, c.req.valid('param').id)
      const { csv, trimAt } = c.req.valid('json')
      const stored = await saveWavePopulation(c.var.db, loaded, csv, trimAt)
      return c.json(
        {
          csv: stored.csv,
          trimAt: stored.trimAt,
          variables: stored.population.variables,
          form: stored.population.form,
        },
        200,
      )
    },
  )
  .delete(
    '/:id/population',
    requireRole('admin', 'manager'),
    validate('param', waveParam),
    async (c) => {
      const loaded = await readableWave(c, c.req.valid('param').id)
      await deleteWavePopulation(c.var.db, loaded.wave.id)
      return c.json(null, 200)
    },
  )
  .get(
    '/:id/report',
    requireRole(),
    validate('param', waveParam),
    validate('query', reportQuery),
    async (c) => {
      const { report } = await readableReport(c, c.req.valid('param').id, c.req.valid('query'))
      return c.json(report, 200)
    },
  )
  .get(
    '/:id/report.csv',
    requireRole(),
    validate('param', waveParam),
    validate('query', reportQuery),
    async (c) => {
      const { waves, report } = await readableReport(
        c,
        c.req.valid('param').id,
        c.req.valid('query'),
      )
      return c.body(renderCsv(report), 200, csvHeaders(csvFileName(waves[0]!.wave.name, 'report')))
    },
  )
  .get(
    '/:id/trend',
    requireRole(),
    validate('param', waveParam),
    validate('query', trendQuery),
    async (c) => {
      const loaded = await readableWaveSurvey(c, c.req.valid('param').id)
      const options = reportOptions(c.req.valid('query'))
      const store = { db: c.var.db, atomic: c.var.atomic }
      return c.json(await waveTrend(store, loaded, options), 200)
    },
  )
  .get(
    '/:id/periods',
    requireRole(),
    validate('param', waveParam),
    validate('query', trendQuery),
    async (c) => {
      const loaded = await readableWaveSurvey(c, c.req.valid('param').id)
      const options = reportOptions(c.req.valid('query'))
      const store = { db: c.var.db, atomic: c.var.atomic }
      return c.json(await wavePeriodTrend(store, loaded, options), 200)
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
      const options = { by: q.by, scale: q.scale, before: q.before ?? null }
      const store = { db: c.var.db, atomic: c.var.atomic }
      return c.json(await waveComments(store, loaded, options), 200)
    },
  )
