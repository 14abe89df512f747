import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import type { Store } from '../../../server/db/client'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { submitResponse } from '../../../server/responses/submit-response'
import { makeCustomerAnswers } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

type App = Awaited<ReturnType<typeof makeTestApp>>

async function waveWith(
  store: Store,
  survey: string,
  name: string,
  opensAt: Date,
  answers: Record<string, unknown>[],
) {
  const { wave } = await createWave(store.db, { surveyId: survey, name, opensAt })
  const loaded = (await loadWaveSurvey(store.db, wave.id))!
  for (const data of answers)
    await submitResponse(
      store,
      { state: 'open', ...loaded, invitation: null },
      { data, mode: 'web', now: new Date(), host: 'localhost' },
    )
  return wave.id
}

const employeeAnswers = (overall: number, comments?: string) => ({
  overall,
  attributes: { delivery_reliability: overall, order_accuracy: 4 },
  department: 'sales',
  ...(comments ? { comments } : {}),
})

async function get(app: App['app'], path: string, cookie?: string) {
  return app.request(path, { headers: cookie ? { Cookie: cookie } : {} })
}

describe('GET /api/waves/:id/trend', () => {
  test('lists the survey’s waves in field order with each wave’s own report figures', async () => {
    const { app, store } = await makeTestApp()
    // overall = rebuy, so the pair is consistent (α = 1) and the CSI is reported.
    const scores = (values: number[]) =>
      values.flatMap((v) =>
        Array.from({ length: 4 }, () => makeCustomerAnswers({ overall: v, rebuy: v })),
      )
    // Created first but fielded later: the trend follows the open dates.
    const q4 = await waveWith(store, 'customer', 'Q4', new Date('2026-10-01'), scores([3, 4, 5]))
    const q2 = await waveWith(store, 'customer', 'Q2', new Date('2026-04-01'), scores([1, 2, 3]))
    const manager = await signedInAs(app, store, 'manager')
    const res = await get(app, `/api/waves/${q4}/trend`, manager)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.points.map((p: { waveId: string }) => p.waveId)).toEqual([q2, q4])
    for (const p of body.points) {
      const report = await (await get(app, `/api/waves/${p.waveId}/report`, manager)).json()
      expect(p.csi.mean).toBe(report.groups[0].csi.mean)
      expect(p.csi.ciLow).toBe(report.groups[0].csi.ciLow)
    }
    // CSI-2 means 2 → 4 (SD 0.853 in each wave of 12): a clear rise, tested and flagged.
    const csi = body.changes.find((c: { key: string }) => c.key === 'csi')
    expect(csi).toMatchObject({ fromWave: q2, toWave: q4, diff: 2, significant: true })
    expect(csi.df).toBeCloseTo(22, 9)
    expect(body.labels.delivery_reliability).toBeTruthy()
    // The earlier wave's trend stops at itself.
    const earlier = await (await get(app, `/api/waves/${q2}/trend`, manager)).json()
    expect(earlier.points).toHaveLength(1)
  })
})

describe('GET /api/waves/:id/comments', () => {
  test('groups verbatims by the band of the respondent’s rating of the chosen item', async () => {
    const { app, store } = await makeTestApp()
    const id = await waveWith(store, 'customer', 'Q4', new Date('2026-10-01'), [
      makeCustomerAnswers({ overall: 5, comments: 'Great team' }),
      makeCustomerAnswers({ overall: 1, low_score_reason: 'Late again', comments: 'Call me' }),
      makeCustomerAnswers({ overall: 4 }),
      makeCustomerAnswers({
        overall: 4,
        attributes: { product_quality: 4 },
        comments: '=HYPERLINK("http://x")',
      }),
    ])
    const manager = await signedInAs(app, store, 'manager')
    const body = await (await get(app, `/api/waves/${id}/comments`, manager)).json()
    const band = (b: string) => body.bands.find((x: { band: string }) => x.band === b)
    expect(body.total).toBe(3)
    expect(band('strength').comments.map((c: { text: string }) => c.text)).toEqual(['Great team'])
    expect(
      band('concern')
        .comments.map((c: { text: string }) => c.text)
        .sort(),
    ).toEqual(['Call me', 'Late again'])
    expect(band('adequate').comments[0]).toMatchObject({
      rating: 4,
      id: expect.stringMatching(/^r\d+$/),
    })
    // By an attribute: the respondent who skipped delivery reliability is "unrated".
    const byDelivery = await (
      await get(app, `/api/waves/${id}/comments?by=delivery_reliability`, manager)
    ).json()
    expect(
      byDelivery.bands.find((x: { band: string }) => x.band === 'unrated').comments[0].text,
    ).toBe('=HYPERLINK("http://x")')
    const bad = await get(app, `/api/waves/${id}/comments?by=nonsense`, manager)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.message).toMatch(/^by: "nonsense"/)
  })

  test('employee comments: wave-wide once at least 10 staff commented, without ratings, dates or ids, in text order', async () => {
    const { app, store } = await makeTestApp()
    const words = 'kilo juliet india hotel golf foxtrot echo delta charlie bravo'.split(' ')
    const texts = [
      ...words.map((w) => `${w} is fine`),
      ...['one', 'two', 'three'].map((w) => `${w} is bad`),
    ]
    const id = await waveWith(store, 'employee', 'Staff', new Date('2026-10-01'), [
      ...words.map((w) => employeeAnswers(5, `${w} is fine`)),
      ...['one', 'two', 'three'].map((w) => employeeAnswers(1, `${w} is bad`)),
    ])
    const hr = await signedInAs(app, store, 'hr')
    const body = await (
      await get(app, `/api/waves/${id}/comments?by=delivery_reliability`, hr)
    ).json()
    // Grouped by nothing: a band of a rating would tie each text to its writer's scores.
    const shown = body.bands.flatMap((x: { comments: object[] }) => x.comments)
    expect(
      body.bands.filter((x: { count: number }) => x.count > 0).map((x: { band: string }) => x.band),
    ).toEqual(['unrated'])
    expect(shown.map((c: { text: string }) => c.text)).toEqual([...texts].sort())
    for (const c of shown) expect(c).toMatchObject({ rating: null, id: null, submittedAt: null })
    expect(body).toMatchObject({ anonymous: true, by: 'wave', items: [], minComments: 10 })

    const few = await waveWith(store, 'employee', 'Few', new Date('2026-10-01'), [
      ...words.slice(0, 9).map((w) => employeeAnswers(5, `${w} is fine`)),
    ])
    const withheld = await (await get(app, `/api/waves/${few}/comments`, hr)).json()
    expect(withheld.bands.find((x: { band: string }) => x.band === 'unrated')).toMatchObject({
      suppressed: true,
      count: null,
      comments: [],
    })
    expect(JSON.stringify(withheld)).not.toContain('is fine')
  })
})

describe('wave exports', () => {
  test('report.csv carries the report’s numbers; responses.csv defuses formulas', async () => {
    const { app, store } = await makeTestApp()
    const id = await waveWith(store, 'customer', '2026 Q4 customers', new Date('2026-10-01'), [
      ...Array.from({ length: 8 }, (_, i) =>
        makeCustomerAnswers({ overall: 1 + (i % 5), rebuy: 1 + (i % 5) }),
      ),
      makeCustomerAnswers({ comments: '=HYPERLINK("http://evil.example","x")' }),
      makeCustomerAnswers({ comments: '\n=1+1' }),
      makeCustomerAnswers({ comments: '@SUM(A1)\nsecond line' }),
    ])
    const manager = await signedInAs(app, store, 'manager')
    const res = await get(app, `/api/waves/${id}/report.csv?scale=proportional`, manager)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="2026-q4-customers-report.csv"',
    )
    const rows = Papa.parse<Record<string, string>>(await res.text(), {
      header: true,
      skipEmptyLines: true,
    }).data
    const report = await (
      await get(app, `/api/waves/${id}/report?scale=proportional`, manager)
    ).json()
    const csi = rows.find((r) => r.section === 'csi')!
    expect(report.groups[0].csi.score10).toEqual(expect.any(Number))
    // The CSV is rounded for people (score /10: 2 decimals, 1–5: 3, /100: 1); the JSON is not.
    const near = (csv: string, json: number, dp: number) =>
      expect(Math.abs(Number(csv) - json)).toBeLessThanOrEqual(0.5 * 10 ** -dp + 1e-12)
    near(csi.score10!, report.groups[0].csi.score10, 2)
    near(csi.ci_low!, report.groups[0].csi.ciLow, 3)
    near(csi.index100!, report.groups[0].csi.index100, 1)
    const attr = rows.find((r) => r.key === 'complaint_handling')!
    const expected = report.groups[0].attributes.find(
      (a: { key: string }) => a.key === 'complaint_handling',
    )
    near(attr.mean!, expected.mean, 3)
    expect(attr.band).toBe(expected.band)
    // Segment answers carry the survey's wording for the dashboard's tables.
    expect(report.labels.segmentValues.region).toMatchObject({ north: 'North' })
    expect(report.labels.segments.region).toMatch(/region/i)

    const raw = await get(app, `/api/waves/${id}/responses.csv`, manager)
    expect(raw.status).toBe(200)
    const cells = Papa.parse<string[]>(await raw.text(), { skipEmptyLines: true }).data.flat()
    expect(cells.some((c) => c.includes('HYPERLINK'))).toBe(true)
    for (const c of cells) expect(c, JSON.stringify(c)).not.toMatch(/^[=+\-@\t\r\n\0]/)
  })

  test('nobody downloads an employee wave’s responses, and roles hold per object', async () => {
    const { app, store } = await makeTestApp()
    const staff = await waveWith(store, 'employee', 'Staff', new Date('2026-10-01'), [
      employeeAnswers(4),
    ])
    const customers = await waveWith(store, 'customer', 'Customers', new Date('2026-10-01'), [
      makeCustomerAnswers(),
    ])
    const [admin, hr, manager] = [
      await signedInAs(app, store, 'admin'),
      await signedInAs(app, store, 'hr'),
      await signedInAs(app, store, 'manager'),
    ]
    for (const who of [admin, hr]) {
      const res = await get(app, `/api/waves/${staff}/responses.csv`, who)
      expect(res.status).toBe(403)
      expect((await res.json()).error.message).toMatch(/anonymous/)
    }
    const cases: [string, string | undefined, number][] = [
      [`/api/waves/${staff}/report.csv`, hr, 200],
      [`/api/waves/${staff}/report.csv`, manager, 403],
      [`/api/waves/${staff}/trend`, manager, 403],
      [`/api/waves/${staff}/comments`, manager, 403],
      [`/api/waves/${staff}`, manager, 403],
      [`/api/waves/${customers}/trend`, hr, 403],
      [`/api/waves/${customers}/comments`, hr, 403],
      [`/api/waves/${customers}/responses.csv`, hr, 403],
      [`/api/waves/${customers}/report.csv`, hr, 403],
      [`/api/waves/${customers}`, hr, 403],
      [`/api/waves/${customers}/responses.csv`, manager, 200],
      [`/api/waves/${customers}/trend`, undefined, 401],
      [`/api/waves/${customers}/comments`, undefined, 401],
      [`/api/waves/${customers}/report.csv`, undefined, 401],
      [`/api/waves/${customers}/responses.csv`, undefined, 401],
      [`/api/waves/nope/trend`, manager, 404],
    ]
    for (const [path, cookie, status] of cases)
      expect((await get(app, path, cookie)).status, path).toBe(status)
  })
})

describe('GET /api/waves/:id/report?compare=…,…', () => {
  test('puts several audiences beside the customers, each pair tested', async () => {
    const { app, store } = await makeTestApp()
    const customers = await waveWith(store, 'customer', 'C', new Date('2026-10-01'), [
      ...[2, 3, 4, 5, 3, 4].map((v) => makeCustomerAnswers({ overall: v, rebuy: v })),
    ])
    const staff = await waveWith(store, 'employee', 'E', new Date('2026-10-01'), [
      ...[4, 5, 4, 5, 4, 5].map((v) => employeeAnswers(v)),
    ])
    const wholesale = await waveWith(store, 'wholesaler', 'W', new Date('2026-10-01'), [
      ...[3, 3, 4, 2, 3, 4].map((v) => ({ overall: v, rebuy: v })),
    ])
    const admin = await signedInAs(app, store, 'admin')
    const res = await get(
      app,
      `/api/waves/${customers}/report?with=${staff},${wholesale}&compare=employee:customer,wholesaler:customer`,
      admin,
    )
    expect(res.status, await res.clone().text()).toBe(200)
    const body = await res.json()
    const pairs = new Set(
      body.gaps.map((g: { groupA: string; groupB: string }) => `${g.groupA}:${g.groupB}`),
    )
    expect([...pairs].sort()).toEqual(['employee:customer', 'wholesaler:customer'])
  })
})
