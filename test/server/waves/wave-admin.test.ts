import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { createApp } from '../../../server/app'
import { invitations, outbox } from '../../../server/db/schema'
import { seedDatabase } from '../../../server/db/seed'
import { findWaveByOpenLinkHash, getWave } from '../../../server/db/waves'
import { hashToken } from '../../../server/lib/tokens'
import { openDatabase } from '../../../server/node/open-database'
import { smtpMailer } from '../../../server/node/mailers'
import { backgroundSender } from '../../../server/distribution/background-sender'
import { shippedSurveys } from '../../../server/surveys'
import { json } from '../../api/target'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'
import { startSmtpServer } from '../../helpers/smtp'

type TestApp = Awaited<ReturnType<typeof makeTestApp>>
const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** The test app with a real SMTP mailer, and the background tasks it starts, to await. */
async function makeMailingApp(smtpUrl: string) {
  const store = openDatabase(':memory:')
  await seedDatabase(store, { surveys: shippedSurveys })
  const config = {
    runtime: 'node' as const,
    publicUrl: 'http://localhost:8787',
    bodyLimit: 256 * 1024,
    authSecret: 'test-secret-test-secret-test-secret-0123',
    tokenRateLimit: 0,
  }
  const mailer = smtpMailer(smtpUrl, 2)
  cleanups.push(() => mailer.close())
  const tasks: Promise<unknown>[] = []
  const startSending = backgroundSender({
    store,
    mail: { mailer, from: 'surveys@test.example', organisation: 'Acme' },
    publicUrl: config.publicUrl,
    secret: config.authSecret,
    background: (task) => void tasks.push(task),
  })
  const app = createApp({
    store: () => store,
    config: () => config,
    asset: async () => null,
    sender: () => startSending,
  })
  return { app, store, db: store.db, config, settled: () => Promise.all(tasks) }
}

function client(t: Pick<TestApp, 'app'>, cookie: string) {
  return {
    post: async (path: string, body: unknown = {}) =>
      t.app.request(path, json(body, { headers: { cookie } })),
    get: async (path: string) => t.app.request(path, { headers: { cookie } }),
  }
}

const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)

async function createWaveAs(t: Pick<TestApp, 'app'>, cookie: string, body: object) {
  const res = await client(t, cookie).post('/api/waves', body)
  expect(res.status).toBe(201)
  return (await res.json()) as { wave: { id: string }; openLink: string | null }
}

describe('POST /api/waves', () => {
  test('creates a wave with the CLI defaults, and the open link once when asked', async () => {
    const t = await makeTestApp()
    const manager = await signedInAs(t.app, t.store, 'manager')
    const res = await client(t, manager).post('/api/waves', {
      surveyId: 'customer',
      name: '  Spring customers ',
      closesAt: future,
    })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.openLink).toBeNull()
    expect(body.wave).toMatchObject({
      name: 'Spring customers',
      audience: 'customer',
      surveyId: 'customer',
      state: 'open',
      opensAt: null,
      closesAt: `${future}T23:59:59.000Z`,
      remindAfterDays: 3,
      maxReminders: 2,
      invitations: { invited: 0, responded: 0 },
      responseRate: null,
      delivery: { queued: 0, sent: 0, bounced: 0, failed: 0 },
    })

    const linked = await createWaveAs(t, manager, {
      surveyId: 'retailer',
      name: 'Retailers at the counter',
      opensAt: '2026-01-01',
      remindAfterDays: 7,
      maxReminders: 0,
      openLink: true,
    })
    const token = /^http:\/\/localhost:8787\/s\/([A-Za-z0-9_-]{22,})$/.exec(linked.openLink ?? '')
    expect(token).not.toBeNull()
    expect((await findWaveByOpenLinkHash(t.db, await hashToken(token![1]!)))?.id).toBe(
      linked.wave.id,
    )
    expect(await getWave(t.db, linked.wave.id)).toMatchObject({
      opensAt: new Date('2026-01-01T00:00:00Z'),
      remindAfterDays: 7,
      maxReminders: 0,
    })
    const list = await (await client(t, manager).get('/api/waves')).json()
    expect(list.waves.map((w: { name: string }) => w.name).sort()).toEqual([
      'Retailers at the counter',
      'Spring customers',
    ])
  })

  test.each([
    [{ name: '  ' }, 'name', 'must not be empty'],
    [{ closesAt: '2020-01-01' }, 'closesAt', '2020-01-01 is in the past'],
    [{ closesAt: 'next tuesday' }, 'closesAt', '"next tuesday" is not a date'],
    [{ opensAt: '2099-02-01', closesAt: '2099-01-01' }, 'opensAt', 'is not before closesAt'],
    [{ remindAfterDays: 400 }, 'remindAfterDays', 'must be a whole number from 0 to 365'],
    [{ maxReminders: 1.5 }, 'maxReminders', 'must be a whole number from 0 to 10'],
    [{ openLink: 'yes' }, 'openLink', 'must be true or false'],
    [{ surveyId: 'nps' }, 'surveyId', 'no survey "nps" (known: customer, retailer, wholesaler)'],
    [{ colour: 'red' }, 'json', 'Unrecognized key: "colour"'],
  ])('refuses %j naming %s', async (change, path, message) => {
    const t = await makeTestApp()
    const manager = await signedInAs(t.app, t.store, 'manager')
    const res = await client(t, manager).post('/api/waves', {
      surveyId: 'customer',
      name: 'Q3',
      ...change,
    })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toContain(message)
    expect(error.issues.map((i: { path: string }) => i.path)).toContain(path)
    expect(
      (
        await client(t, manager)
          .get('/api/waves')
          .then((r) => r.json())
      ).waves,
    ).toEqual([])
  })

  test('roles per survey: managers not employee surveys, HR only employee surveys; signed out 401', async () => {
    const t = await makeTestApp()
    const manager = await signedInAs(t.app, t.store, 'manager')
    const hr = await signedInAs(t.app, t.store, 'hr')
    const admin = await signedInAs(t.app, t.store, 'admin')
    const staff = await client(t, manager).post('/api/waves', { surveyId: 'employee', name: 'E' })
    expect(staff.status).toBe(403)
    expect((await staff.json()).error.message).toBe(
      'surveyId: employee is an employee survey: its waves are for HR',
    )
    const customers = await client(t, hr).post('/api/waves', { surveyId: 'customer', name: 'C' })
    expect(customers.status).toBe(403)
    expect((await customers.json()).error.message).toContain('its waves are for managers')
    await createWaveAs(t, hr, { surveyId: 'employee', name: 'Staff 2026' })
    await createWaveAs(t, admin, { surveyId: 'wholesaler', name: 'Wholesalers' })
    expect(
      (await client(t, '').post('/api/waves', { surveyId: 'customer', name: 'X' })).status,
    ).toBe(401)
    const form = await t.app.request('/api/waves', {
      method: 'POST',
      headers: { cookie: manager, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'surveyId=customer&name=X',
    })
    expect(form.status).toBe(415)
  })
})

describe('POST /api/waves/:id/close', () => {
  test('closes at once, answers the same again; not for the wrong role', async () => {
    const t = await makeTestApp()
    const manager = await signedInAs(t.app, t.store, 'manager')
    const hr = await signedInAs(t.app, t.store, 'hr')
    const { wave } = await createWaveAs(t, manager, { surveyId: 'customer', name: 'Q1' })
    expect((await client(t, hr).post(`/api/waves/${wave.id}/close`)).status).toBe(403)
    expect((await client(t, '').post(`/api/waves/${wave.id}/close`)).status).toBe(401)
    expect((await client(t, manager).post('/api/waves/w-nothing/close')).status).toBe(404)
    const first = await client(t, manager).post(`/api/waves/${wave.id}/close`)
    expect(first.status).toBe(200)
    const closed = (await first.json()).wave
    expect(closed).toMatchObject({ id: wave.id, state: 'closed' })
    expect(closed.closedAt).not.toBeNull()
    const again = await client(t, manager).post(`/api/waves/${wave.id}/close`)
    expect(again.status).toBe(200)
    expect((await again.json()).wave.closedAt).toBe(closed.closedAt)
  })
})

describe('POST /api/waves/:id/contacts', () => {
  test('imports a CSV text all or nothing; bad rows are listed and nothing is stored', async () => {
    const t = await makeTestApp()
    const manager = await signedInAs(t.app, t.store, 'manager')
    const { wave } = await createWaveAs(t, manager, { surveyId: 'customer', name: 'Q2' })
    const post = (csv: unknown) =>
      client(t, manager).post(`/api/waves/${wave.id}/contacts`, { csv })
    const stored = async () =>
      (await t.db.select().from(invitations).where(eq(invitations.waveId, wave.id))).length

    const bad = await post(
      [
        'email,name,audience,owner,region',
        'ana@example.com,Ana,customer,sam@acme.example,north',
        'not-an-address,Bo,customer,,south',
        'cy@example.com,Cy,employee,,south',
        'ana@example.com,Ana again,,,north',
      ].join('\n'),
    )
    expect(bad.status).toBe(400)
    const { error } = await bad.json()
    expect(error.message).toBe('csv: nothing was imported: 3 problems')
    expect(error.issues).toEqual([
      { path: 'row 3', message: 'email: "not-an-address" is not an email address' },
      {
        path: 'row 4',
        message: 'audience: "employee" does not match this wave\'s audience "customer"',
      },
      { path: 'row 5', message: 'email: ana@example.com is also on row 2' },
    ])
    expect(await stored()).toBe(0)

    const header = await post('name,region\nAna,north\n')
    expect(header.status).toBe(400)
    expect((await header.json()).error.issues).toEqual([
      { path: 'row 1', message: 'no "email" column (the header must name one)' },
    ])
    const empty = await post('  ')
    expect(empty.status).toBe(400)
    expect((await empty.json()).error.issues).toEqual([
      { path: 'csv', message: 'the file is empty' },
    ])

    // Semicolons, a BOM and CRLF, as a spreadsheet saves them.
    const ok = await post(
      '\uFEFFEmail;Name;Region\r\nana@example.com;Ana;north\r\nbo@example.com;Bo;south\r\n',
    )
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({
      imported: 2,
      added: 2,
      updated: 0,
      optedOut: 0,
      segments: ['region'],
    })
    const again = await post('email,name\nbo@example.com,Bo Jones\ncy@example.com,Cy\n')
    expect(await again.json()).toMatchObject({ imported: 2, added: 1, updated: 1 })
    expect(await stored()).toBe(3)

    const hr = await signedInAs(t.app, t.store, 'hr')
    const forbidden = await client(t, hr).post(`/api/waves/${wave.id}/contacts`, {
      csv: 'email\nx@example.com\n',
    })
    expect(forbidden.status).toBe(403)
    expect(
      (await client(t, '').post(`/api/waves/${wave.id}/contacts`, { csv: 'email' })).status,
    ).toBe(401)
  })

  test('a manager cannot import into an employee wave', async () => {
    const t = await makeTestApp()
    const hr = await signedInAs(t.app, t.store, 'hr')
    const manager = await signedInAs(t.app, t.store, 'manager')
    const { wave } = await createWaveAs(t, hr, { surveyId: 'employee', name: 'Staff' })
    const res = await client(t, manager).post(`/api/waves/${wave.id}/contacts`, {
      csv: 'email\nx@example.com\n',
    })
    expect(res.status).toBe(403)
    expect((await res.json()).error.message).toContain('its fieldwork is for HR')
  })
})

describe('POST /api/waves/:id/invite and /remind', () => {
  test('without a mailer: queued once, never twice, and left for another sender', async () => {
    const t = await makeTestApp()
    const manager = await signedInAs(t.app, t.store, 'manager')
    const api = client(t, manager)
    const { wave } = await createWaveAs(t, manager, { surveyId: 'customer', name: 'Q4' })
    await api.post(`/api/waves/${wave.id}/contacts`, {
      csv: 'email\nana@example.com\nbo@example.com\n',
    })
    const res = await api.post(`/api/waves/${wave.id}/invite`)
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ queued: 2, pending: 2, sending: false })
    expect(await (await api.post(`/api/waves/${wave.id}/invite`)).json()).toEqual({
      queued: 0,
      pending: 2,
      sending: false,
    })
    const [row] = (await (await api.get('/api/waves')).json()).waves
    expect(row.delivery).toMatchObject({ queued: 2, sent: 0 })

    const bad = await api.post(`/api/waves/${wave.id}/remind`, { afterDays: -1, max: 'two' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path)).toEqual([
      'afterDays',
      'max',
    ])
    // Nobody has been emailed yet, so nobody is due a reminder.
    const remind = await api.post(`/api/waves/${wave.id}/remind`, {})
    expect(await remind.json()).toMatchObject({ queued: 0 })
    expect((await api.post(`/api/waves/${wave.id}/invite`, { force: true })).status).toBe(400)
  })

  test('a closed or not-yet-open wave sends nothing; roles are checked per wave', async () => {
    const t = await makeTestApp()
    const manager = await signedInAs(t.app, t.store, 'manager')
    const hr = await signedInAs(t.app, t.store, 'hr')
    const api = client(t, manager)
    const { wave } = await createWaveAs(t, manager, { surveyId: 'customer', name: 'Done' })
    await api.post(`/api/waves/${wave.id}/contacts`, { csv: 'email\nana@example.com\n' })
    await api.post(`/api/waves/${wave.id}/close`)
    const closed = await api.post(`/api/waves/${wave.id}/invite`)
    expect(closed.status).toBe(410)
    expect((await closed.json()).error.message).toContain('is closed; its links no longer work')
    expect((await api.post(`/api/waves/${wave.id}/remind`)).status).toBe(410)
    expect(await t.db.select().from(outbox)).toEqual([])

    const later = await createWaveAs(t, manager, {
      surveyId: 'customer',
      name: 'Later',
      opensAt: future,
    })
    const early = await api.post(`/api/waves/${later.wave.id}/invite`)
    expect(early.status).toBe(409)
    expect((await early.json()).error.message).toContain(`opens on ${future}`)

    const staff = await createWaveAs(t, hr, { surveyId: 'employee', name: 'Staff' })
    expect((await api.post(`/api/waves/${staff.wave.id}/invite`)).status).toBe(403)
    expect((await client(t, hr).post(`/api/waves/${later.wave.id}/remind`)).status).toBe(403)
    expect((await client(t, '').post(`/api/waves/${staff.wave.id}/invite`)).status).toBe(401)
  })

  test('with a mailer: sends in the background through SMTP, then reminders', async () => {
    const smtp = await startSmtpServer()
    cleanups.push(smtp.stop)
    const t = await makeMailingApp(smtp.url)
    const manager = await signedInAs(t.app, t.store, 'manager')
    const api = client(t, manager)
    const { wave } = await createWaveAs(t, manager, {
      surveyId: 'customer',
      name: 'Autumn customers',
      closesAt: future,
    })
    await api.post(`/api/waves/${wave.id}/contacts`, {
      csv: 'email,name\nana@example.com,Ana\nbo@example.com,Bo\n',
    })

    const res = await api.post(`/api/waves/${wave.id}/invite`)
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ queued: 2, pending: 2, sending: true })
    await t.settled()
    expect(smtp.received.map((m) => m.to).sort()).toEqual(['ana@example.com', 'bo@example.com'])
    expect(smtp.received[0]!.subject).toMatch(/Acme|Autumn customers|survey/i)
    expect(smtp.received[0]!.text).toContain('http://localhost:8787/s/')
    const [row] = (await (await api.get('/api/waves')).json()).waves
    expect(row.delivery).toEqual({
      queued: 0,
      sent: 2,
      bounced: 0,
      failed: 0,
      cancelled: 0,
      remindersSent: 0,
    })
    expect(row.invitations).toMatchObject({ invited: 2, sent: 2 })

    const remind = await api.post(`/api/waves/${wave.id}/remind`, { afterDays: 0, max: 1 })
    expect(await remind.json()).toEqual({ queued: 2, pending: 2, sending: true })
    await t.settled()
    expect(smtp.received).toHaveLength(4)
    expect(
      await (await api.post(`/api/waves/${wave.id}/remind`, { afterDays: 0, max: 1 })).json(),
    ).toEqual({ queued: 0, pending: 0, sending: false })
    const [after] = (await (await api.get('/api/waves')).json()).waves
    expect(after.delivery).toMatchObject({ sent: 4, remindersSent: 2 })
  })

  test('one sender per wave at a time: a second request during a run joins it', async () => {
    const smtp = await startSmtpServer({ delayMs: 150 })
    cleanups.push(smtp.stop)
    const t = await makeMailingApp(smtp.url)
    const manager = await signedInAs(t.app, t.store, 'manager')
    const api = client(t, manager)
    const { wave } = await createWaveAs(t, manager, { surveyId: 'customer', name: 'Busy' })
    const emails = Array.from({ length: 6 }, (_, i) => `c${i}@example.com`)
    await api.post(`/api/waves/${wave.id}/contacts`, {
      csv: ['email', ...emails.slice(0, 4)].join('\n'),
    })
    expect(await (await api.post(`/api/waves/${wave.id}/invite`)).json()).toMatchObject({
      queued: 4,
      sending: true,
    })
    await api.post(`/api/waves/${wave.id}/contacts`, { csv: ['email', ...emails].join('\n') })
    expect(await (await api.post(`/api/waves/${wave.id}/invite`)).json()).toMatchObject({
      queued: 2,
      sending: true,
    })
    const runs = await t.settled()
    expect(runs).toHaveLength(1)
    expect(smtp.received.map((m) => m.to).sort()).toEqual(emails.sort())
  })
})
