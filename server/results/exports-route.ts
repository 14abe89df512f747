import { Hono } from 'hono'
import { stream } from 'hono/streaming'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { exportResponses } from '../responses/export-responses'
import { reportCsv } from './report-csv'
import { reportOptions, reportQuery } from './report-query'
import { isAnonymous } from '../responses/submit-response'
import { validate } from '../lib/validate'
import { assertCanReport } from '../auth/wave-access'
import { loadReportWaves, waveReport } from './wave-report'

const waveParam = z.object({ id: z.string().min(1).max(64) })

/** `2026 Q4 customers` → `2026-q4-customers-report.csv`: a header-safe file name. */
export function csvFileName(waveName: string, what: string) {
  const slug = waveName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'wave'}-${what}.csv`
}

const csvHeaders = (fileName: string) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="${fileName}"`,
  'Cache-Control': 'no-store',
})

/** Downloads: the report as a tidy CSV, and the raw responses (never an employee wave's). */
export const waveExportsRoute = new Hono<AppEnv>()
  .get(
    '/:id/report.csv',
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
      const report = await waveReport(c.var.db, waves, reportOptions(query))
      return c.body(reportCsv(report), 200, csvHeaders(csvFileName(waves[0]!.wave.name, 'report')))
    },
  )
  .get('/:id/responses.csv', requireRole(), validate('param', waveParam), async (c) => {
    const [loaded] = await loadReportWaves(c.var.db, [c.req.valid('param').id])
    const wave = loaded!.wave
    assertCanReport(c.var.user, [wave])
    if (isAnonymous(wave.audience))
      throw new ApiError(
        'FORBIDDEN',
        `Wave ${wave.id} is an employee survey: its responses are anonymous and are only reported for groups`,
      )
    c.header('Content-Type', 'text/csv; charset=utf-8')
    for (const [k, v] of Object.entries(csvHeaders(csvFileName(wave.name, 'responses'))))
      c.header(k, v)
    return stream(c, async (s) => {
      await exportResponses(c.var.db, wave.id, (chunk) => s.write(chunk))
    })
  })
