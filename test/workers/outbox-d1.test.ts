import type { D1Database } from '@cloudflare/workers-types'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Store } from '../../server/db/client'
import { enqueueInvitations } from '../../server/db/outbox'
import { invitationTokens, invitations, outbox } from '../../server/db/schema'
import { seedDatabase } from '../../server/db/seed'
import { createWave } from '../../server/db/waves'
import { importContacts } from '../../server/distribution/contacts-import'
import { csvTextBatches } from '../../server/lib/csv-text-rows'
import type { OutgoingMessage } from '../../server/mail/mailer'
import { shippedSurveys } from '../../server/surveys'
import type { D1Counts } from '../../server/worker/instrumented-d1'
import { instrumentedD1 } from '../../server/worker/instrumented-d1'
import { drainOnce } from '../../server/worker/outbox-queue'
import { d1Store, migratedLocalD1 } from '../helpers/workerd'

let d1: D1Database
let dispose: () => Promise<void>

beforeAll(async () => {
  ;({ d1, dispose } = await migratedLocalD1('outbox-d1-test'))
})
afterAll(() => dispose?.())

/**
 * The real local D1, except that the next `failures` batches commit and then report
 * "Network connection lost": the worst transient error, where the write did happen.
 */
function committedButLost(real: D1Database, state: { failures: number }): D1Database {
  return {
    prepare: (q: string) => real.prepare(q),
    batch: async (statements: never[]) => {
      const result = await real.batch(statements)
      if (state.failures > 0) {
        state.failures--
        throw new Error('D1_ERROR: Network connection lost.')
      }
      return result
    },
    exec: (q: string) => real.exec(q),
  } as unknown as D1Database
}

const recordingMailer = (sent: OutgoingMessage[]) => ({
  description: 'test',
  send: async (m: OutgoingMessage) => void sent.push(m),
  close: async () => {},
})

async function waveWithContacts(store: Store, n: number) {
  await seedDatabase(store, { surveys: shippedSurveys })
  const { wave } = await createWave(store.db, { name: `W${n}`, surveyId: 'customer' })
  const lines = Array.from({ length: n }, (_, i) => `p${i}@example.com`)
  await importContacts(store, wave, csvTextBatches(`email\n${lines.join('\n')}\n`))
  return wave
}

test('writes repeated after a lost commit neither queue nor count a message twice', async () => {
  const plain = d1Store(d1)
  const wave = await waveWithContacts(plain, 3)
  const state = { failures: 1 }
  const counts: D1Counts = { calls: 0, statements: 0, retries: 0 }
  const flaky = d1Store(
    instrumentedD1(committedButLost(d1, state), { counts, retries: 3, sleep: async () => {} }),
  )

  // Enqueueing: the batch commits, the answer is lost, the retry must not double anything.
  expect(await enqueueInvitations(flaky, wave.id, 'h', new Date())).toBe(3)
  expect(counts.retries).toBe(1)
  const rows = await plain.db.select().from(outbox).where(eq(outbox.waveId, wave.id))
  expect(rows).toHaveLength(3)
  const tokens = await plain.db
    .select()
    .from(invitationTokens)
    .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
    .where(eq(invitations.waveId, wave.id))
  expect(tokens).toHaveLength(3)

  // Sending: every "sent" mark is lost once and repeated.
  const sent: OutgoingMessage[] = []
  state.failures = 3
  const r = await drainOnce(
    flaky,
    { waveId: wave.id },
    {
      mail: { mailer: recordingMailer(sent), from: 'a@h', organisation: 'Acme' },
      publicUrl: 'https://h',
      secret: 'test-secret-test-secret-test-secret-0123',
      chunk: 10,
    },
  )
  expect(r.totals.sent).toBe(3)
  expect(r.again).toBeNull()
  expect(counts.retries).toBe(4)
  expect(sent.map((m) => m.to).sort()).toEqual([
    'p0@example.com',
    'p1@example.com',
    'p2@example.com',
  ])
  const after = await plain.db.select().from(invitations).where(eq(invitations.waveId, wave.id))
  expect(after.map((i) => i.messagesSent)).toEqual([1, 1, 1])
  const statuses = await plain.db.select().from(outbox).where(eq(outbox.waveId, wave.id))
  expect(statuses.map((o) => o.status)).toEqual(['sent', 'sent', 'sent'])
})

test('an error that is not transient is not repeated', async () => {
  const counts: D1Counts = { calls: 0, statements: 0, retries: 0 }
  const db = instrumentedD1(d1, { counts, retries: 3, sleep: async () => {} })
  await expect(db.prepare('select * from no_such_table').all()).rejects.toThrow(/no such table/)
  expect(counts).toEqual({ calls: 1, statements: 1, retries: 0 })
})

test('a chunked drain: D1 round trips per message, and a continuation while more is due', async () => {
  const plain = d1Store(d1)
  const wave = await waveWithContacts(plain, 120)
  await enqueueInvitations(plain, wave.id, 'h', new Date())
  const sent: OutgoingMessage[] = []
  const options = {
    mail: { mailer: recordingMailer(sent), from: 'a@h', organisation: 'Acme' },
    publicUrl: 'https://h',
    secret: 'test-secret-test-secret-test-secret-0123',
    chunk: 50,
  }
  const counts: D1Counts = { calls: 0, statements: 0, retries: 0 }
  const store = d1Store(instrumentedD1(d1, { counts, retries: 3 }))
  const first = await drainOnce(store, { waveId: wave.id }, options)
  expect(first.totals.sent).toBe(50)
  expect(first.again).toBe(0)
  // One lease, one read-back per 90 rows, one batch per sent message, one look at what is left,
  // and the run's wording once: the edited messages, the brand, the wave's survey language.
  expect(counts.calls).toBe(1 + 1 + 50 + 1 + 3)
  expect(counts.statements).toBe(1 + 1 + 50 * 2 + 1 + 3)
  expect((await drainOnce(store, { waveId: wave.id }, options)).again).toBe(0)
  expect((await drainOnce(store, { waveId: wave.id }, options)).again).toBeNull()
  expect(sent).toHaveLength(120)
  expect(new Set(sent.map((m) => m.to)).size).toBe(120)
})
