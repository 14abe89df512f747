import fc from 'fast-check'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { reportFromResponses, type ResponseRecord } from '../../../reports'
import { loadAggregates } from '../../../server/db/aggregates'
import { responses } from '../../../server/db/schema'
import { closeWave, createWave } from '../../../server/db/waves'
import { rebuildWaveAggregates } from '../../../server/responses/rebuild-aggregates'
import { responseRecord, specOfSurvey } from '../../../server/surveys/response-record'
import { shippedSurveys } from '../../../server/surveys'
import { makeTestApp } from '../../helpers/app'
import { submission } from '../../helpers/answers'
import { json } from '../../api/target'
import { signedInAs } from '../../helpers/session'

const customerKeys = [
  'product_quality',
  'delivery_reliability',
  'order_accuracy',
  'technical_support',
  'price_value',
  'ease_of_ordering',
  'complaint_handling',
  'sales_support',
]
const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined })

const answersArb = (employee: boolean) =>
  fc
    .record({
      overall: fc.integer({ min: 1, max: 5 }),
      rebuy: fc.integer({ min: 1, max: 5 }),
      attributes: fc.record(Object.fromEntries(customerKeys.map((k) => [k, rating]))),
      region: fc.constantFrom('north', 'south', 'west', undefined),
      size: fc.constantFrom('small', 'large', undefined),
    })
    .map((a) => {
      const attributes = Object.fromEntries(
        Object.entries(a.attributes).filter(([, v]) => v !== undefined),
      )
      if (employee) return { overall: a.overall, attributes, department: 'sales' }
      const base: Record<string, unknown> = { overall: a.overall, rebuy: a.rebuy, attributes }
      if (a.region) base.region = a.region
      if (a.size) base.customer_size = a.size
      return base
    })

async function submitAll(
  app: Awaited<ReturnType<typeof makeTestApp>>['app'],
  token: string,
  answers: Record<string, unknown>[],
) {
  for (const a of answers) {
    const res = await app.request(`/api/links/${token}/responses`, json(submission(a)))
    expect(res.status, await res.clone().text()).toBe(201)
  }
}

describe('GET /api/waves/:id/report', () => {
  test('the report from kept aggregates equals the report from raw responses, exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answersArb(false), { minLength: 1, maxLength: 40 }),
        async (answers) => {
          const { app, db, store } = await makeTestApp()
          const { wave, openLinkToken } = await createWave(db, {
            surveyId: 'customer',
            name: 'P',
            openLink: true,
          })
          await submitAll(app, openLinkToken!, answers)
          const cookie = await signedInAs(app, store, 'manager')
          const res = await app.request(`/api/waves/${wave.id}/report?by=region`, {
            headers: { Cookie: cookie },
          })
          expect(res.status).toBe(200)
          const body = (await res.json()) as Record<string, unknown>
          const customer = shippedSurveys.find((s) => s.id === 'customer')!
          const records = answers.map((a) => responseRecord('customer', customer.definition, a))
          const raw = reportFromResponses(
            records,
            { by: ['region'], sort: 'mean' },
            specOfSurvey('customer', customer.definition),
          )
          expect({
            ...body,
            waves: undefined,
            labels: undefined,
            release: undefined,
            attitude: undefined,
            population: undefined, // no population stored: unweighted
          }).toEqual(JSON.parse(JSON.stringify({ ...raw, waves: undefined })))
        },
      ),
      { numRuns: 15 },
    )
  })

  test('rebuilding from raw responses gives the same blocks as keeping them incrementally', async () => {
    const { app, db, store } = await makeTestApp()
    const { wave, openLinkToken } = await createWave(db, {
      surveyId: 'customer',
      name: 'R',
      openLink: true,
    })
    const answers = fc.sample(answersArb(false), { numRuns: 60, seed: 42 })
    await submitAll(app, openLinkToken!, answers)
    const sort = (rows: { group: string; block: number }[]) =>
      [...rows].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.block - b.block))
    const kept = sort(await loadAggregates(db, wave.id))
    expect(kept.length).toBeGreaterThan(4)
    for (const fromAnswers of [false, true]) {
      const rebuilt = await rebuildWaveAggregates(store, wave.id, { fromAnswers })
      expect(rebuilt).toMatchObject({ responses: 60 })
      expect(sort(await loadAggregates(db, wave.id))).toEqual(kept)
    }
    // A response stored before rating codes existed is read from its answers.
    await db.update(responses).set({ ratings: '' }).where(eq(responses.waveId, wave.id))
    await rebuildWaveAggregates(store, wave.id)
    expect(sort(await loadAggregates(db, wave.id))).toEqual(kept)
  })

  test('an employee wave with a customer wave gives perception gaps; small employee groups are suppressed', async () => {
    const { app, db, store } = await makeTestApp()
    const customers = await createWave(db, { surveyId: 'customer', name: 'C', openLink: true })
    const staff = await createWave(db, { surveyId: 'employee', name: 'E', openLink: true })
    await submitAll(
      app,
      customers.openLinkToken!,
      fc.sample(answersArb(false), { numRuns: 30, seed: 1 }),
    )
    const staffAnswers = fc.sample(answersArb(true), { numRuns: 12, seed: 2 })
    await submitAll(app, staff.openLinkToken!, staffAnswers)
    // Employee results are read from releases; closing the wave releases everything.
    await closeWave(db, staff.wave.id, new Date())
    const hr = await signedInAs(app, store, 'hr')
    const res = await app.request(`/api/waves/${staff.wave.id}/report?with=${customers.wave.id}`, {
      headers: { Cookie: hr },
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      groups: { audience: string; suppressed: boolean; n: number }[]
      gaps: { key: string; groupA: string; groupB: string; nA: number; verdict: string }[]
    }
    expect(body.groups.map((g) => [g.audience, g.n, g.suppressed])).toEqual([
      ['customer', 30, false],
      ['employee', 12, false],
    ])
    expect(body.gaps.map((g) => g.key).sort()).toEqual([...customerKeys].sort())
    for (const g of body.gaps) expect([g.groupA, g.groupB]).toEqual(['employee', 'customer'])

    const records: ResponseRecord[] = (
      await db.select().from(responses).where(eq(responses.waveId, staff.wave.id))
    ).map((r) =>
      responseRecord(
        'employee',
        shippedSurveys.find((s) => s.id === 'employee')!.definition,
        r.answers,
      ),
    )
    const quality = records.filter((r) => r.attributes.product_quality != null).length
    expect(body.gaps.find((g) => g.key === 'product_quality')?.nA).toBe(
      quality < 5 ? undefined : quality,
    )
  })

  test.each([
    ['csi=median', 'csi'],
    ['scale=log', 'scale'],
    ['compare=staff:customer', 'compare'],
    ['compare=wholesaler:customer,retailer', 'compare'],
    ['minGroup=2', 'minGroup'],
    ['colour=red', ''],
  ])('refuses ?%s naming the parameter', async (query, field) => {
    const { app, db, store } = await makeTestApp()
    const { wave } = await createWave(db, { surveyId: 'customer', name: 'Q' })
    const cookie = await signedInAs(app, store, 'admin')
    const res = await app.request(`/api/waves/${wave.id}/report?${query}`, {
      headers: { Cookie: cookie },
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { message: string; issues: { path: string }[] } }
    if (field) expect(body.error.issues.map((i) => i.path.split('.')[0])).toContain(field)
    else expect(body.error.message).toMatch(/colour/)
  })

  test('an unknown wave is a 404 naming it', async () => {
    const { app, store } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'admin')
    const res = await app.request('/api/waves/w-nothing/report', { headers: { Cookie: cookie } })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'w-nothing',
    )
  })

  test('needs a session, and each role sees only its audiences (checked per wave)', async () => {
    const { app, db, store } = await makeTestApp()
    const customers = await createWave(db, { surveyId: 'customer', name: 'C' })
    const staff = await createWave(db, { surveyId: 'employee', name: 'E' })
    const as = async (role: 'admin' | 'manager' | 'hr') => ({
      Cookie: await signedInAs(app, store, role),
    })
    const get = async (path: string, headers?: Record<string, string>) =>
      (await app.request(path, { headers })).status
    expect(await get(`/api/waves/${customers.wave.id}/report`)).toBe(401)
    const manager = await as('manager')
    expect(await get(`/api/waves/${customers.wave.id}/report`, manager)).toBe(200)
    expect(await get(`/api/waves/${staff.wave.id}/report`, manager)).toBe(403)
    expect(await get(`/api/waves/${customers.wave.id}/report?with=${staff.wave.id}`, manager)).toBe(
      403,
    )
    const hr = await as('hr')
    expect(await get(`/api/waves/${customers.wave.id}/report`, hr)).toBe(403)
    expect(await get(`/api/waves/${staff.wave.id}/report`, hr)).toBe(200)
    expect(await get(`/api/waves/${staff.wave.id}/report?with=${customers.wave.id}`, hr)).toBe(200)
    const admin = await as('admin')
    expect(await get(`/api/waves/${staff.wave.id}/report?with=${customers.wave.id}`, admin)).toBe(
      200,
    )
  })
})
