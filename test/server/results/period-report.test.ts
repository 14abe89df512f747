import fc from 'fast-check'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { waves } from '../../../server/db/schema'
import { periodKey, reportFromResponses } from '../../../reports'
import { loadAggregates } from '../../../server/db/aggregates'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { closeWave, createWave } from '../../../server/db/waves'
import { rebuildWaveAggregates } from '../../../server/responses/rebuild-aggregates'
import { submitResponse } from '../../../server/responses/submit-response'
import { waveReport } from '../../../server/results/wave-report'
import { responseRecord } from '../../../server/surveys/response-record'
import { makeTestApp } from '../../helpers/app'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { invitedWave } from '../../helpers/invited-wave'
import { json } from '../../api/target'
import { signedInAs } from '../../helpers/session'

type App = Awaited<ReturnType<typeof makeTestApp>>
type Value = { n: number; mean: number; sd: number; ciLow: number; ciHigh: number }
type Point = {
  period: string
  label: string
  start: string
  responses: number
  n: number | null
  suppressed: boolean
  reason: string | null
  csi: (Value & { score10: number; score10Low: number; score10High: number }) | null
}
type PeriodTrend = {
  reportingPeriod: string
  minGroup: number
  points: Point[]
  changes: {
    key: string
    fromPeriod: string
    toPeriod: string
    diff: number
    diff10: number
    t: number
    df: number
    p: number
    pAdjusted: number
    significant: boolean
  }[]
}

afterEach(() => {
  vi.useRealTimers()
})

const at = (iso: string) => vi.setSystemTime(new Date(iso))

const send = (app: App['app'], path: string, body: unknown, cookie: string, method = 'POST') =>
  app.request(path, { ...json(body, { headers: { Cookie: cookie } }), method })

/**
 * A monthly continuous wave answered in September (6 by emailed link), October (4, below the
 * minimum group of 5), not in November, and December (7 keyed interviews). Expected figures:
 * fixtures/period-trend-expected.py (scipy), not reports/.
 */
async function fieldedWave() {
  const t = await makeTestApp()
  const months = { sep: [2, 3, 3, 4, 2, 3], oct: [4, 4, 5, 3], dec: [4, 5, 5, 4, 3, 5, 4] }
  const emails = Array.from({ length: 17 }, (_, i) => `c${i}@example.com`)
  const wave = await invitedWave(t.store, 'customer', emails)
  // In the field since September (the row's creation time is the database's clock).
  await t.db
    .update(waves)
    .set({ opensAt: new Date('2026-09-01T00:00:00Z') })
    .where(eq(waves.id, wave.id))
  const manager = await signedInAs(t.app, t.store, 'manager')
  const made = await send(
    t.app,
    `/api/waves/${wave.id}`,
    { reportingPeriod: 'month' },
    manager,
    'PATCH',
  )
  expect(made.status, await made.clone().text()).toBe(200)
  expect(((await made.json()) as { wave: { reportingPeriod: string } }).wave.reportingPeriod).toBe(
    'month',
  )
  vi.useFakeTimers({ toFake: ['Date'] })
  const web = [...months.sep, ...months.oct]
  for (const [i, overall] of web.entries()) {
    at(i < 6 ? `2026-09-${10 + i}T12:00:00Z` : `2026-10-${10 + i}T23:59:59Z`)
    const { token } = wave.invitees[emails[i]!]!
    const res = await t.app.request(
      `/api/links/${token}/responses`,
      json(submission(makeCustomerAnswers({ overall }))),
    )
    expect(res.status, await res.clone().text()).toBe(201)
  }
  at('2026-12-01T00:00:00Z')
  const interviewer = await signedInAs(t.app, t.store, 'manager')
  for (const [i, overall] of months.dec.entries()) {
    at(`2026-12-0${1 + i}T08:00:00Z`)
    const res = await send(
      t.app,
      `/api/waves/${wave.id}/interviews`,
      {
        invitationId: wave.invitees[emails[10 + i]!]!.id,
        mode: 'phone',
        data: makeCustomerAnswers({ overall }),
      },
      interviewer,
    )
    expect(res.status, await res.clone().text()).toBe(201)
  }
  vi.useRealTimers()
  await closeWave(t.db, wave.id, new Date('2026-12-20T00:00:00Z'))
  return { ...t, waveId: wave.id, cookie: await signedInAs(t.app, t.store, 'manager') }
}

describe('GET /api/waves/:id/periods', () => {
  test('the index per month with its interval, a small month suppressed, an empty one kept, the change tested', async () => {
    const { app, waveId, cookie } = await fieldedWave()
    const res = await app.request(`/api/waves/${waveId}/periods?csi=overall&scale=linear`, {
      headers: { Cookie: cookie },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const body = (await res.json()) as PeriodTrend
    expect(body.reportingPeriod).toBe('month')
    expect(body.points.map((p) => [p.period, p.label, p.responses, p.suppressed])).toEqual([
      ['2026-09', 'September 2026', 6, false],
      ['2026-10', 'October 2026', 4, true],
      ['2026-11', 'November 2026', 0, false],
      ['2026-12', 'December 2026', 7, false],
    ])
    const [sep, oct, nov, dec] = body.points
    expect(oct).toMatchObject({ n: null, csi: null })
    expect(oct!.reason).toMatch(/^4 responses, fewer than the 5 a period needs/)
    expect(nov).toMatchObject({ n: null, csi: null, reason: 'No responses' })
    expect(sep!.start).toBe('2026-09-01T00:00:00.000Z')
    // scipy: mean, SD, 95% t-interval and the linear /10 score of each shown month.
    const close = (a: number | undefined, b: number) => expect(Math.abs(a! - b)).toBeLessThan(1e-9)
    close(sep!.csi?.mean, 2.8333333333333335)
    close(sep!.csi?.sd, 0.752772652709081)
    close(sep!.csi?.ciLow, 2.0433468828413814)
    close(sep!.csi?.ciHigh, 3.6233197838252855)
    close(sep!.csi?.score10, 4.583333333333334)
    close(dec!.csi?.mean, 4.285714285714286)
    close(dec!.csi?.ciLow, 3.5865966139585774)
    close(dec!.csi?.ciHigh, 4.984831957469994)
    close(dec!.csi?.score10High, 9.962079893674984)
    expect(dec!.csi?.n).toBe(7)
    // September to December: the suppressed and the empty month are skipped over.
    const csi = body.changes.find((c) => c.key === 'csi')!
    expect(csi).toMatchObject({ fromPeriod: '2026-09', toPeriod: '2026-12', significant: true })
    close(csi.diff, 1.452380952380952)
    close(csi.diff10, 1.452380952380952 * 2.5)
    close(csi.t, 3.4612192410912357)
    close(csi.df, 10.71068728800086)
    close(csi.p, 0.005529332071885604)
    expect(csi.pAdjusted).toBe(csi.p)
  })

  test('by=period on the report splits by month; an edit to quarters re-splits every answer, null pools them again', async () => {
    const { app, waveId, cookie } = await fieldedWave()
    const report = async () => {
      const res = await app.request(`/api/waves/${waveId}/report?by=period&csi=overall`, {
        headers: { Cookie: cookie },
      })
      expect(res.status).toBe(200)
      return (await res.json()) as {
        groups: { segment: { column: string; value: string } | null; n: number }[]
        labels: { segments: Record<string, string>; segmentValues: Record<string, object> }
        warnings: string[]
      }
    }
    const monthly = await report()
    expect(monthly.groups.map((g) => [g.segment?.value ?? null, g.n])).toEqual([
      [null, 17],
      ['2026-09', 6],
      ['2026-10', 4],
      ['2026-12', 7],
    ])
    expect(monthly.labels.segmentValues.period).toMatchObject({ '2026-12': 'December 2026' })
    const edit = await send(app, `/api/waves/${waveId}`, { reportingPeriod: 'quarter' }, cookie)
    expect(edit.status).toBe(404)
    const quarter = await send(
      app,
      `/api/waves/${waveId}`,
      { reportingPeriod: 'quarter' },
      cookie,
      'PATCH',
    )
    expect(quarter.status).toBe(200)
    expect((await report()).groups.map((g) => [g.segment?.value ?? null, g.n])).toEqual([
      [null, 17],
      ['2026-Q3', 6],
      ['2026-Q4', 11],
    ])
    const pooled = await send(
      app,
      `/api/waves/${waveId}`,
      { reportingPeriod: null },
      cookie,
      'PATCH',
    )
    expect(pooled.status).toBe(200)
    const after = await report()
    expect(after.groups.map((g) => g.segment)).toEqual([null])
    expect(after.warnings).toContain('segment column "period" is not aggregated')
    const none = await app.request(`/api/waves/${waveId}/periods`, { headers: { Cookie: cookie } })
    expect(none.status).toBe(400)
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(
      /not continuous/,
    )
  })

  test('a new continuous wave has one empty period, no changes', async () => {
    const { app, store } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'manager')
    const res = await send(
      app,
      '/api/waves',
      { surveyId: 'customer', name: 'Always on', reportingPeriod: 'quarter' },
      cookie,
    )
    expect(res.status, await res.clone().text()).toBe(201)
    const { wave } = (await res.json()) as { wave: { id: string; reportingPeriod: string } }
    expect(wave.reportingPeriod).toBe('quarter')
    const trend = await app.request(`/api/waves/${wave.id}/periods`, {
      headers: { Cookie: cookie },
    })
    expect(trend.status).toBe(200)
    const body = (await trend.json()) as PeriodTrend
    expect(body.points).toHaveLength(1)
    expect(body.points[0]).toMatchObject({ responses: 0, n: null, reason: 'No responses' })
    expect(body.points[0]!.period).toMatch(/^\d{4}-Q[1-4]$/)
    expect(body.changes).toEqual([])
  })
})

describe('POST /api/waves and PATCH /api/waves/:id: reportingPeriod', () => {
  test.each([
    [{ surveyId: 'customer', name: 'W', reportingPeriod: 'week' }, /must be one of month, quarter/],
    [
      { surveyId: 'employee', name: 'W', reportingPeriod: 'month' },
      /employee wave cannot report by period/,
    ],
  ])('refuses %o naming the field', async (body, message) => {
    const { app, store } = await makeTestApp()
    const cookie = await signedInAs(app, store, body.surveyId === 'employee' ? 'hr' : 'manager')
    const res = await send(app, '/api/waves', body, cookie)
    expect(res.status).toBe(400)
    const error = ((await res.json()) as { error: { message: string; issues: object[] } }).error
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'reportingPeriod' }))
    expect(JSON.stringify(error)).toMatch(message)
  })

  test('an employee wave is not made continuous by an edit either, and an empty edit is refused', async () => {
    const { app, store } = await makeTestApp()
    const hr = await signedInAs(app, store, 'hr')
    const made = await send(app, '/api/waves', { surveyId: 'employee', name: 'Staff' }, hr)
    const { wave } = (await made.json()) as { wave: { id: string } }
    const res = await send(app, `/api/waves/${wave.id}`, { reportingPeriod: 'month' }, hr, 'PATCH')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^reportingPeriod: an employee wave cannot report by period/,
    )
    const empty = await send(app, `/api/waves/${wave.id}`, {}, hr, 'PATCH')
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(
      /reportingPeriod/,
    )
  })
})

describe('continuous wave aggregates', () => {
  const answer = fc.record({
    overall: fc.integer({ min: 1, max: 5 }),
    rebuy: fc.integer({ min: 1, max: 5 }),
    quality: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    region: fc.constantFrom('north', 'south', undefined),
    // Any second of 2026, UTC: month ends and quarter ends included.
    at: fc.integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2027, 0, 1) / 1000 - 1 }),
  })

  test('incremental cells equal both rebuilds, and the report by period equals the one from raw records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('month' as const, 'quarter' as const),
        async (rows, period) => {
          const { db, store } = await makeTestApp()
          const { wave } = await createWave(db, {
            surveyId: 'customer',
            name: 'Always on',
            opensAt: new Date('2026-01-01T00:00:00Z'),
            reportingPeriod: period,
          })
          const loaded = (await loadWaveSurvey(db, wave.id))!
          const records = []
          for (const r of rows) {
            const data = makeCustomerAnswers({ overall: r.overall, rebuy: r.rebuy })
            if (r.quality) (data.attributes as Record<string, number>).product_quality = r.quality
            else delete (data.attributes as Record<string, number>).product_quality
            if (r.region) data.region = r.region
            const now = new Date(r.at * 1000)
            await submitResponse(
              store,
              { state: 'open', ...loaded, invitation: null },
              { data, mode: 'web', now, host: 'test' },
            )
            const record = responseRecord('customer', loaded.survey.definition, data)
            records.push({
              ...record,
              segments: { ...record.segments, period: periodKey(now, period) },
            })
          }
          const sort = (cells: { group: string; block: number }[]) =>
            [...cells].sort((a, b) =>
              a.group < b.group ? -1 : a.group > b.group ? 1 : a.block - b.block,
            )
          const kept = sort(await loadAggregates(db, wave.id))
          expect(
            kept.some((c) => c.group.includes(periodKey(new Date(rows[0]!.at * 1000), period))),
          ).toBe(true)
          for (const fromAnswers of [false, true]) {
            await rebuildWaveAggregates(store, wave.id, { fromAnswers })
            expect(sort(await loadAggregates(db, wave.id))).toEqual(kept)
          }
          const report = await waveReport(store, [loaded], { by: ['period'], sort: 'mean' })
          const raw = reportFromResponses(records, { by: ['period'], sort: 'mean' }, loaded.spec)
          expect(JSON.parse(JSON.stringify(report.groups))).toEqual(
            JSON.parse(JSON.stringify(raw.groups)),
          )
        },
      ),
      { numRuns: 12 },
    )
  })
})
