import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createApp } from '../../../server/app'
import { loadAggregates } from '../../../server/db/aggregates'
import { insertResponse, type NewResponse } from '../../../server/db/responses'
import { responses } from '../../../server/db/schema'
import { seedDatabase } from '../../../server/db/seed'
import { createWave } from '../../../server/db/waves'
import { rebuildWaveAggregates } from '../../../server/responses/rebuild-aggregates'
import { openDatabase } from '../../../server/node/open-database'
import { shippedSurveys } from '../../../server/surveys'
import { makeCustomerAnswers, submission } from '../../helpers/answers'

// The app on a database whose every executed statement is logged, to count transactions.
async function loggedApp() {
  const log: string[] = []
  const store = openDatabase(':memory:', { verbose: (s) => log.push(String(s)) })
  await seedDatabase(store, { surveys: shippedSurveys })
  const app = createApp({
    store: () => store,
    config: () => ({
      runtime: 'node' as const,
      publicUrl: 'http://localhost:8787',
      bodyLimit: 256 * 1024,
      authSecret: 'test-secret-test-secret-test-secret-0123',
      tokenRateLimit: 0,
    }),
    asset: async () => null,
    clientIp: () => undefined,
  })
  return { app, store, log }
}

const row = (waveId: string, over: Partial<NewResponse> = {}): NewResponse => ({
  waveId,
  surveyId: 'customer',
  surveyVersion: 1,
  audience: 'customer',
  mode: 'web',
  answers: { overall: 4, attributes: { product_quality: 5 } },
  segments: { region: 'north' },
  submissionKey: crypto.randomUUID(),
  ratings: '45',
  startedAt: new Date('2026-03-01T10:00:00Z'),
  submittedAt: new Date('2026-03-01T10:04:07Z'),
  ...over,
})

describe('insertResponse()', () => {
  test('reads back as given, through the statement prepared once (named and anonymous ids)', async () => {
    const { store } = await loggedApp()
    const { wave } = await createWave(store.db, { surveyId: 'customer', name: 'Prepared' })
    const named = row(wave.id, { invitationId: null })
    const noStart = row(wave.id, { startedAt: null })
    const anonymous = row(wave.id, { audience: 'employee' })
    await Promise.all([named, noStart, anonymous].map((r) => insertResponse(store, r)))
    const stored = await store.db.select().from(responses).where(eq(responses.waveId, wave.id))
    const byKey = new Map(stored.map((s) => [s.submissionKey, s]))
    for (const r of [named, noStart, anonymous]) {
      expect(byKey.get(r.submissionKey)).toMatchObject({
        answers: r.answers,
        segments: r.segments,
        ratings: r.ratings,
        startedAt: r.startedAt,
        submittedAt: r.submittedAt,
        invitationId: null,
        mode: 'web',
      })
    }
    expect(byKey.get(named.submissionKey)!.id).toBeGreaterThan(0)
    expect(byKey.get(anonymous.submissionKey)!.id).toBeLessThan(0)
  })
})

describe('POST /api/links/:token/responses, group commit', () => {
  test('a duplicate inside one batch is a 409 and stores one; the rest of the batch commits', async () => {
    const { app, store, log } = await loggedApp()
    const { wave, openLinkToken } = await createWave(store.db, {
      surveyId: 'customer',
      name: 'Batch',
      openLink: true,
    })
    const post = (body: unknown) =>
      app.request(`/api/links/${openLinkToken}/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    const twice = submission(makeCustomerAnswers())
    const before = log.filter((s) => s === 'BEGIN IMMEDIATE').length
    const results = await Promise.all([
      post(submission(makeCustomerAnswers({ overall: 5 }))),
      post(twice),
      post(twice),
      post(submission(makeCustomerAnswers({ overall: 3 }))),
    ])
    // All four were written in one transaction: the duplicate failed inside the batch.
    expect(log.filter((s) => s === 'BEGIN IMMEDIATE').length - before).toBe(1)
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409])
    const conflict = results.find((r) => r.status === 409)!
    expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe('CONFLICT')
    const stored = await store.db.select().from(responses).where(eq(responses.waveId, wave.id))
    expect(stored).toHaveLength(3)
    expect(stored.filter((s) => s.submissionKey === twice.submissionKey)).toHaveLength(1)
    // The refused member's adds were not written: the aggregates equal a rebuild from the rows.
    const sorted = (b: Awaited<ReturnType<typeof loadAggregates>>) =>
      [...b].sort((x, y) => `${x.group}/${x.block}`.localeCompare(`${y.group}/${y.block}`))
    const incremental = sorted(await loadAggregates(store.db, wave.id))
    await rebuildWaveAggregates(store, wave.id)
    expect(incremental.length).toBeGreaterThan(0)
    expect(incremental).toEqual(sorted(await loadAggregates(store.db, wave.id)))
  })
})
