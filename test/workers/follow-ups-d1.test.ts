import type { D1Database } from '@cloudflare/workers-types'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { alerts, outbox, settings } from '../../server/db/schema'
import { seedDatabase } from '../../server/db/seed'
import { loadWaveSurvey } from '../../server/db/wave-survey'
import { createWave } from '../../server/db/waves'
import { importContacts } from '../../server/distribution/contacts-import'
import { saveAlertTeam } from '../../server/follow-ups/alert-settings'
import { checkWaveAlerts } from '../../server/follow-ups/check-alerts'
import { csvTextBatches } from '../../server/lib/csv-text-rows'
import { importResponses } from '../../server/responses/responses-import'
import { shippedSurveys } from '../../server/surveys'
import { d1Store, migratedLocalD1 } from '../helpers/workerd'

let d1: D1Database
let dispose: () => Promise<void>

beforeAll(async () => {
  ;({ d1, dispose } = await migratedLocalD1('follow-ups-d1-test'))
})
afterAll(() => dispose?.())

test('on D1, unowned alerts go to the team in turn and their invitees are promised a call', async () => {
  const store = d1Store(d1)
  await seedDatabase(store, { surveys: shippedSurveys })
  await saveAlertTeam(store.db, ['ann@acme.example', 'bob@acme.example'])
  const { wave } = await createWave(store.db, { name: 'Keyed', surveyId: 'customer' })
  await importContacts(
    store,
    wave,
    csvTextBatches(
      'email,owner\nown@example.com,am@acme.example\na@example.com,\nb@example.com,\n',
    ),
  )
  const loaded = (await loadWaveSurvey(store.db, wave.id))!
  const rows =
    'respondent,overall,rebuy\nown@example.com,1,3\na@example.com,2,3\nb@example.com,5,1\n'
  await importResponses(store, loaded, csvTextBatches(rows), { importKey: 'k', mode: 'phone' })
  expect(await checkWaveAlerts(store, wave.id, 'localhost')).toEqual({ checked: 3, matched: 3 })
  const opened = (await store.db.select().from(alerts).where(eq(alerts.waveId, wave.id))).sort(
    (a, b) => a.responseId - b.responseId,
  )
  expect(opened.map((a) => [a.contactEmail, a.ownerEmail])).toEqual([
    ['own@example.com', 'am@acme.example'],
    ['a@example.com', 'ann@acme.example'],
    ['b@example.com', 'bob@acme.example'],
  ])
  const [turn] = await store.db.select().from(settings).where(eq(settings.key, 'alerts.team.turn'))
  expect(turn?.value).toBe('2')
  const kinds = (await store.db.select().from(outbox).where(eq(outbox.waveId, wave.id)))
    .filter((m) => m.alertId)
    .map((m) => m.kind)
    .sort()
  expect(kinds).toEqual([
    'acknowledgement',
    'acknowledgement',
    'acknowledgement',
    'alert',
    'alert',
    'alert',
  ])
  // No team and no owner: the thank-you, and no owner email.
  await saveAlertTeam(store.db, [])
  const { wave: bare } = await createWave(store.db, { name: 'Bare', surveyId: 'customer' })
  await importContacts(store, bare, csvTextBatches('email\nc@example.com\n'))
  const bareLoaded = (await loadWaveSurvey(store.db, bare.id))!
  await importResponses(
    store,
    bareLoaded,
    csvTextBatches('respondent,overall,rebuy\nc@example.com,1,1\n'),
    { importKey: 'k2', mode: 'phone' },
  )
  await checkWaveAlerts(store, bare.id, 'localhost')
  const bareKinds = (await store.db.select().from(outbox).where(eq(outbox.waveId, bare.id)))
    .filter((m) => m.alertId)
    .map((m) => m.kind)
  expect(bareKinds).toEqual(['thanks'])
})
