import type { D1Database } from '@cloudflare/workers-types'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { alerts, digests, outbox } from '../../server/db/schema'
import { seedDatabase } from '../../server/db/seed'
import { loadWaveSurvey } from '../../server/db/wave-survey'
import { createWave } from '../../server/db/waves'
import { importContacts } from '../../server/distribution/contacts-import'
import { runSchedule } from '../../server/distribution/scheduled-run'
import { sendOutbox } from '../../server/distribution/send-outbox'
import { saveAlertDelivery, saveOwnerDelivery } from '../../server/follow-ups/alert-settings'
import { checkWaveAlerts } from '../../server/follow-ups/check-alerts'
import { queueDigests } from '../../server/follow-ups/owner-digests'
import { csvTextBatches } from '../../server/lib/csv-text-rows'
import { importResponses } from '../../server/responses/responses-import'
import { shippedSurveys } from '../../server/surveys'
import { d1Store, migratedLocalD1 } from '../helpers/workerd'

let d1: D1Database
let dispose: () => Promise<void>

beforeAll(async () => {
  ;({ d1, dispose } = await migratedLocalD1('digest-d1-test'))
})
afterAll(() => dispose?.())

test('on D1, alerts wait for the daily digest, and racing runs queue one per owner', async () => {
  const store = d1Store(d1)
  await seedDatabase(store, { surveys: shippedSurveys })
  await saveAlertDelivery(store.db, { delivery: 'daily', digestHour: 8 })
  // Bo keeps one email per alert whatever the programme says.
  await saveOwnerDelivery(store.db, 'bo@acme.example', 'each')
  const { wave } = await createWave(store.db, { name: 'Keyed', surveyId: 'customer' })
  await importContacts(
    store,
    wave,
    csvTextBatches(
      'email,name,owner\na@example.com,Ana,ann@acme.example\nb@example.com,Ben,ann@acme.example\nc@example.com,Cy,bo@acme.example\n',
    ),
  )
  const loaded = (await loadWaveSurvey(store.db, wave.id))!
  const rows = 'respondent,overall,rebuy\na@example.com,1,3\nb@example.com,4,2\nc@example.com,2,3\n'
  await importResponses(store, loaded, csvTextBatches(rows), { importKey: 'k', mode: 'phone' })
  expect(await checkWaveAlerts(store, wave.id, 'localhost')).toEqual({ checked: 3, matched: 3 })
  const ownerMail = async () =>
    (await store.db.select().from(outbox))
      .filter((m) => m.kind === 'alert' || m.kind === 'digest')
      .map((m) => [m.kind, m.toEmail])
      .sort()
  expect(await ownerMail()).toEqual([['alert', 'bo@acme.example']])

  const before = new Date('2026-12-07T07:59:00Z')
  expect(await queueDigests(store, { host: 'localhost', now: before })).toEqual([])
  const now = new Date('2026-12-07T08:00:00Z')
  const raced = await Promise.all([
    queueDigests(store, { host: 'localhost', now }),
    queueDigests(store, { host: 'localhost', now }),
    runSchedule(store, { host: 'localhost', now, send: () => {} }),
  ])
  expect(raced[0].length + raced[1].length + raced[2].digests).toBe(1)
  const [digest, ...none] = await store.db.select().from(digests)
  expect(none).toEqual([])
  expect(digest).toMatchObject({ ownerEmail: 'ann@acme.example', day: '2026-12-07' })
  const listed = (await store.db.select().from(alerts)).filter((a) => a.digestId === digest!.id)
  expect(listed.map((a) => a.contactEmail).sort()).toEqual(['a@example.com', 'b@example.com'])
  expect(await ownerMail()).toEqual([
    ['alert', 'bo@acme.example'],
    ['digest', 'ann@acme.example'],
  ])

  const sent: { to: string; subject: string; text: string }[] = []
  await sendOutbox(store, {
    mailer: {
      description: 'memory',
      send: async (m) => void sent.push(m),
      close: async () => {},
    },
    publicUrl: 'https://csi.example.com',
    from: 'Acme <s@acme.example>',
    organisation: 'Acme',
    secret: 'x'.repeat(32),
    now: () => new Date('2026-12-07T08:01:00Z'),
  })
  const toAnn = sent.filter((m) => m.to === 'ann@acme.example')
  expect(toAnn.map((m) => m.subject)).toEqual(['Your follow-ups (Monday 7 December 2026): 2 new'])
  expect(toAnn[0]!.text).toContain('1. Ana <a@example.com> (Keyed)')
  expect(toAnn[0]!.text).toContain('2. Ben <b@example.com> (Keyed)')
  expect(toAnn[0]!.text).toContain('   - Intention to buy again: 2 of 5')
})
