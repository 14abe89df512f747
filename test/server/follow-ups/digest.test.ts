import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { alerts, digests, invitations, outbox, responses } from '../../../server/db/schema'
import { importContacts } from '../../../server/distribution/contacts-import'
import { enqueueInvitations } from '../../../server/db/outbox'
import { createWave } from '../../../server/db/waves'
import { runSchedule } from '../../../server/distribution/scheduled-run'
import { sendOutbox } from '../../../server/distribution/send-outbox'
import { queueDigests } from '../../../server/follow-ups/owner-digests'
import { languagePacks } from '../../../server/messages/defaults'
import { DIGEST_MAX_LISTED, digestContent } from '../../../server/messages/digest-email'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'
import { createUser } from '../../../server/db/users'

type App = Awaited<ReturnType<typeof makeTestApp>>

const low = (overall = 1, rebuy = 5) =>
  makeCustomerAnswers({
    overall,
    rebuy,
    attributes: { product_quality: 4, delivery_reliability: 4, complaint_handling: 3 },
  })

async function* rowsOf(csv: string) {
  yield csv
    .trim()
    .split('\n')
    .map((l) => l.split(','))
}

/** A customer wave with invited contacts (`email,name,owner` rows), and each one's link token. */
async function invitedWave(t: App, name: string, contacts: string[][]) {
  const { wave } = await createWave(t.db, { surveyId: 'customer', name, ownerEmail: null })
  const csv = ['email,name,owner', ...contacts.map((c) => c.join(','))].join('\n')
  await importContacts(t.store, wave, rowsOf(csv))
  await enqueueInvitations(t.store, wave.id, 'localhost', new Date())
  const rows = await t.db.select().from(outbox).where(eq(outbox.waveId, wave.id))
  const submit = async (email: string, answers = low()) => {
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.email, email))
    const token = rows.find((r) => r.invitationId === inv!.id)!.token!
    const res = await t.app.request(`/api/links/${token}/responses`, json(submission(answers)))
    expect(res.status).toBe(201)
  }
  return { wave, submit }
}

async function asAdmin(t: App, path: string, body: unknown, method = 'PUT') {
  const cookie = await signedInAs(t.app, t.store, 'admin')
  return t.app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: t.config.publicUrl },
    body: JSON.stringify(body),
  })
}

function memoryMailer() {
  const sent: { to: string; subject: string; text: string; html: string }[] = []
  return {
    sent,
    mailer: {
      description: 'memory',
      send: async (m: { to: string; subject: string; text: string; html: string }) =>
        void sent.push(m),
      close: async () => {},
    },
  }
}

const sendAll = (t: App, mailer: ReturnType<typeof memoryMailer>['mailer'], now: Date) =>
  sendOutbox(t.store, {
    now: () => now,
    mailer,
    publicUrl: 'http://localhost:8787',
    from: 'Acme <s@acme.example>',
    organisation: 'Acme',
    secret: 'x'.repeat(32),
  })

const at = (iso: string) => new Date(iso)
const run = (t: App, now: Date) => runSchedule(t.store, { host: 'localhost', now, send: () => {} })
const ownerMail = async (t: App) =>
  (await t.db.select().from(outbox))
    .filter((m) => m.kind === 'alert' || m.kind === 'digest')
    .map((m) => [m.kind, m.toEmail])
const digestRows = (t: App) => t.db.select().from(digests)

describe('PUT /api/alerts/settings delivery and digestHour', () => {
  test('saved, read back, and a bad value refused naming its field', async () => {
    const t = await makeTestApp()
    const cookie = await signedInAs(t.app, t.store, 'admin')
    const read = async () =>
      (await t.app.request('/api/alerts/settings', { headers: { Cookie: cookie } })).json()
    expect(await read()).toMatchObject({ delivery: 'each', digestHour: 7, mine: null })
    const saved = await asAdmin(t, '/api/alerts/settings', { delivery: 'daily', digestHour: 16 })
    expect(saved.status).toBe(200)
    expect(await saved.json()).toMatchObject({ delivery: 'daily', digestHour: 16 })
    expect(await read()).toMatchObject({ delivery: 'daily', digestHour: 16 })

    for (const [body, path] of [
      [{ digestHour: 24 }, 'digestHour'],
      [{ digestHour: 7.5 }, 'digestHour'],
      [{ delivery: 'weekly' }, 'delivery'],
    ] as const) {
      const res = await asAdmin(t, '/api/alerts/settings', body)
      expect(res.status).toBe(400)
      const error = (await res.json()).error
      expect(error.issues.map((i: { path: string }) => i.path)).toEqual([path])
      expect(error.message).toContain(path)
    }
    expect(await read()).toMatchObject({ delivery: 'daily', digestHour: 16 })
  })
})

describe('daily digest: one email per owner per day instead of one per alert', () => {
  test('before the hour nothing, after it one digest listing each alert; the next run nothing', async () => {
    const t = await makeTestApp()
    await asAdmin(t, '/api/alerts/settings', { delivery: 'daily', digestHour: 9 })
    const { submit } = await invitedWave(t, 'Q4 customers', [
      ['lou@example.com', 'Lou Reed', 'ann@acme.example'],
      ['kim@example.com', 'Kim', 'ann@acme.example'],
      ['max@example.com', 'Max', 'bo@acme.example'],
    ])
    await submit('lou@example.com', low(1, 5))
    await submit('kim@example.com', low(4, 2))
    // No owner email now; the respondents' acknowledgements are unchanged.
    expect(await ownerMail(t)).toEqual([])
    const acks = (await t.db.select().from(outbox)).filter((m) => m.kind === 'acknowledgement')
    expect(acks).toHaveLength(2)
    expect((await t.db.select().from(alerts)).map((a) => a.viaDigest)).toEqual([true, true])

    expect((await run(t, at('2026-12-07T08:59:00Z'))).digests).toBe(0)
    expect(await digestRows(t)).toEqual([])

    expect((await run(t, at('2026-12-07T09:00:00Z'))).digests).toBe(1)
    expect(await ownerMail(t)).toEqual([['digest', 'ann@acme.example']])
    expect((await run(t, at('2026-12-07T15:00:00Z'))).digests).toBe(0)

    // Worn like every email: the programme's brand.
    const brand = await asAdmin(t, '/api/settings/brand', {
      organisation: 'Bäckerei Schmidt GmbH',
      primary: '#8a1c1c',
    })
    expect(brand.status).toBe(200)
    const { sent, mailer } = memoryMailer()
    await sendAll(t, mailer, at('2026-12-07T15:01:00Z'))
    const digest = sent.filter((m) => m.to === 'ann@acme.example')
    expect(digest).toHaveLength(1)
    expect(digest[0]!.subject).toBe('Your follow-ups (Monday 7 December 2026): 2 new')
    const ids = (await t.db.select().from(alerts)).map((a) => a.id)
    const text = digest[0]!.text
    expect(text).toContain('1. Lou Reed <lou@example.com> (Q4 customers)')
    expect(text).toContain('   - Overall satisfaction: 1 of 5')
    expect(text).toContain('2. Kim <kim@example.com> (Q4 customers)')
    expect(text).toContain('   - Intention to buy again: 2 of 5')
    for (const id of ids) {
      expect(text).toContain(`http://localhost:8787/alerts/${id}`)
      expect(digest[0]!.html).toContain(`href="http://localhost:8787/alerts/${id}"`)
    }
    expect(text).toContain('http://localhost:8787/alerts?owner=ann%40acme.example')
    expect(digest[0]!.html).toContain('Overall satisfaction: 1 of 5')
    expect(digest[0]!.html).toContain('Bäckerei Schmidt GmbH')
    expect(digest[0]!.html).toContain('border-top:4px solid #8a1c1c')
    expect(digest[0]!.html).toContain('background:#8a1c1c')
    // The follow-up page says how its owner heard of it.
    const cookie = await signedInAs(t.app, t.store, 'admin')
    const detail = await (
      await t.app.request(`/api/alerts/${ids[0]}`, { headers: { Cookie: cookie } })
    ).json()
    expect(detail.alert).toMatchObject({ viaDigest: true, digestDay: '2026-12-07' })
    // Max answered well: Bo has nothing, and gets nothing.
    expect(sent.filter((m) => m.to === 'bo@acme.example')).toEqual([])
  })

  test('what comes in after today’s digest waits for tomorrow’s; a day with nothing sends none', async () => {
    const t = await makeTestApp()
    await asAdmin(t, '/api/alerts/settings', { delivery: 'daily', digestHour: 6 })
    const { submit } = await invitedWave(t, 'Q4', [
      ['a@example.com', 'A', 'ann@acme.example'],
      ['b@example.com', 'B', 'ann@acme.example'],
    ])
    await submit('a@example.com')
    await run(t, at('2026-12-07T06:05:00Z'))
    await submit('b@example.com')
    await run(t, at('2026-12-07T23:55:00Z'))
    expect((await digestRows(t)).map((d) => d.day)).toEqual(['2026-12-07'])
    await run(t, at('2026-12-08T05:59:00Z'))
    await run(t, at('2026-12-08T06:00:00Z'))
    const rows = await digestRows(t)
    expect(rows.map((d) => d.day)).toEqual(['2026-12-07', '2026-12-08'])
    const listed = await t.db.select().from(alerts)
    expect(listed.map((a) => a.digestId).sort()).toEqual(rows.map((d) => d.id).sort())
    // The 9th: nothing new, no digest.
    expect((await run(t, at('2026-12-09T10:00:00Z'))).digests).toBe(0)
    expect(await digestRows(t)).toHaveLength(2)
  })

  test('two runs racing queue one digest', async () => {
    const t = await makeTestApp()
    await asAdmin(t, '/api/alerts/settings', { delivery: 'daily', digestHour: 0 })
    const { submit } = await invitedWave(t, 'Q4', [
      ['a@example.com', 'A', 'ann@acme.example'],
      ['b@example.com', 'B', 'bo@acme.example'],
    ])
    await submit('a@example.com')
    await submit('b@example.com')
    const now = at('2026-12-07T10:00:00Z')
    const raced = await Promise.all([
      queueDigests(t.store, { host: 'localhost', now }),
      queueDigests(t.store, { host: 'localhost', now }),
      run(t, now),
    ])
    expect(raced[0].length + raced[1].length + raced[2].digests).toBe(2)
    expect((await digestRows(t)).map((d) => d.ownerEmail).sort()).toEqual([
      'ann@acme.example',
      'bo@acme.example',
    ])
    expect((await ownerMail(t)).sort()).toEqual([
      ['digest', 'ann@acme.example'],
      ['digest', 'bo@acme.example'],
    ])
  })

  test('switching modes: emailed alerts are never digested; waiting ones go at the next run', async () => {
    const t = await makeTestApp()
    const { submit } = await invitedWave(t, 'Q4', [
      ['a@example.com', 'A', 'ann@acme.example'],
      ['b@example.com', 'B', 'ann@acme.example'],
      ['c@example.com', 'C', 'ann@acme.example'],
    ])
    await submit('a@example.com')
    expect(await ownerMail(t)).toEqual([['alert', 'ann@acme.example']])

    await asAdmin(t, '/api/alerts/settings', { delivery: 'daily', digestHour: 20 })
    await submit('b@example.com')
    expect(await ownerMail(t)).toEqual([['alert', 'ann@acme.example']])
    expect((await run(t, at('2026-12-07T10:00:00Z'))).digests).toBe(0)

    // Back to one email each: B's alert, still waiting, goes at the next run, before the hour.
    await asAdmin(t, '/api/alerts/settings', { delivery: 'each' })
    await submit('c@example.com')
    expect((await run(t, at('2026-12-07T10:15:00Z'))).digests).toBe(1)
    expect(await ownerMail(t)).toEqual([
      ['alert', 'ann@acme.example'],
      ['alert', 'ann@acme.example'],
      ['digest', 'ann@acme.example'],
    ])
    const [digest] = await digestRows(t)
    const byContact = Object.fromEntries(
      (await t.db.select().from(alerts)).map((a) => [a.contactEmail, a.digestId]),
    )
    expect(byContact).toEqual({
      'a@example.com': null,
      'b@example.com': digest!.id,
      'c@example.com': null,
    })
  })

  test("an owner's own choice overrides the programme's, either way", async () => {
    const t = await makeTestApp()
    await createUser(t.store, {
      email: 'ann@acme.example',
      role: 'manager',
      password: 'pw-pw-pw-pw-pw',
    })
    const signIn = await t.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: t.config.publicUrl },
      body: JSON.stringify({ email: 'ann@acme.example', password: 'pw-pw-pw-pw-pw' }),
    })
    const ann = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const mine = (delivery: string | null) =>
      t.app.request('/api/alerts/settings/mine', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Cookie: ann, Origin: t.config.publicUrl },
        body: JSON.stringify({ delivery }),
      })
    const res = await mine('daily')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ mine: 'daily' })
    expect((await mine('hourly')).status).toBe(400)
    const { submit } = await invitedWave(t, 'Q4', [
      ['a@example.com', 'A', 'ann@acme.example'],
      ['b@example.com', 'B', 'bo@acme.example'],
    ])
    await submit('a@example.com')
    await submit('b@example.com')
    expect(await ownerMail(t)).toEqual([['alert', 'bo@acme.example']])
    await run(t, at('2026-12-07T07:00:00Z'))
    expect((await ownerMail(t)).sort()).toEqual([
      ['alert', 'bo@acme.example'],
      ['digest', 'ann@acme.example'],
    ])
    expect(await (await mine(null)).json()).toEqual({ mine: null })
  })

  test('an alert on an employee wave (there should be none) is never listed', async () => {
    const t = await makeTestApp()
    await asAdmin(t, '/api/alerts/settings', { delivery: 'daily', digestHour: 0 })
    const { wave } = await createWave(t.db, {
      surveyId: 'employee',
      name: 'Staff',
      ownerEmail: null,
    })
    const [response] = await t.db
      .insert(responses)
      .values({
        waveId: wave.id,
        surveyId: wave.surveyId,
        surveyVersion: wave.surveyVersion,
        audience: 'employee',
        mode: 'web',
        answers: { overall: 1 },
        segments: {},
        submissionKey: 'k1',
        submittedAt: new Date(),
      })
      .returning()
    await t.db.insert(alerts).values({
      id: 'staff-1',
      waveId: wave.id,
      responseId: response!.id,
      ownerEmail: 'ann@acme.example',
      reasons: ['overall:1'],
      viaDigest: true,
    })
    expect((await run(t, at('2026-12-07T10:00:00Z'))).digests).toBe(0)
    expect(await digestRows(t)).toEqual([])
  })

  test('the digest is worded in every shipped language, politely, with its placeholders', () => {
    for (const lang of ['en', 'de', 'fr', 'es'] as const) {
      const digest = languagePacks[lang].templates.customer.digest!
      expect(digest.subject, lang).toContain('{count}')
      expect(digest.subject, lang).toContain('{date}')
      expect(digest.button, lang).not.toBe('')
      expect(languagePacks[lang].templates.wholesaler.digest, lang).toBeUndefined()
    }
    expect(languagePacks.de.templates.customer.digest!.body).toMatch(/\bSie\b/)
    expect(languagePacks.fr.templates.customer.digest!.body).toMatch(/\bvous\b/)
    expect(languagePacks.es.templates.customer.digest!.body).toMatch(/Póngase/)
  })

  test('Messages: the digest is worded under customers only, and previewed there', async () => {
    const t = await makeTestApp()
    const cookie = await signedInAs(t.app, t.store, 'admin')
    const get = (path: string) => t.app.request(path, { headers: { Cookie: cookie } })
    const german = await get('/api/messages/customer/digest/de')
    expect(german.status).toBe(200)
    expect((await german.json()).template.subject).toBe(
      'Ihre Nachverfolgungen ({date}): {count} neu',
    )
    const trade = await get('/api/messages/wholesaler/digest/en')
    expect(trade.status).toBe(400)
    expect((await trade.json()).error.issues).toEqual([
      expect.objectContaining({
        path: 'kind',
        message: "the owners' digest spans every audience: its words are kept under customer",
      }),
    ])
    const preview = await asAdmin(t, '/api/messages/customer/digest/es/preview', {}, 'POST')
    expect(preview.status).toBe(200)
    const { subject, text } = await preview.json()
    expect(subject).toMatch(/^Sus seguimientos del .+: 3 por atender$/)
    expect(text).toContain('1. Alex Morgan <alex.morgan@example.com>')
    expect(text).toContain('Satisfacción general')
  })

  test('a digest lists at most 100 follow-ups, counts them all, and leads to the rest', () => {
    const alerts = Array.from({ length: DIGEST_MAX_LISTED + 3 }, (_, i) => ({
      waveName: 'Q4',
      contact: `c${i}@example.com`,
      reasons: ['Overall satisfaction: 1 of 5'],
      alertUrl: `https://csi.example.com/alerts/a${i}`,
    }))
    const m = digestContent({
      language: 'de',
      organisation: 'Acme',
      date: new Date('2026-12-07T12:00:00Z'),
      alerts,
      alertsUrl: 'https://csi.example.com/alerts?owner=am%40acme.example',
    })
    expect(m.subject).toBe('Ihre Nachverfolgungen (Montag, 7. Dezember 2026): 103 neu')
    expect(m.text).toContain('100. c99@example.com (Q4)')
    expect(m.text).not.toContain('c100@example.com')
    expect(m.text).toContain('\n+ 3\n')
    expect(m.text).toContain(
      'Ihre Nachverfolgungen öffnen: https://csi.example.com/alerts?owner=am%40acme.example',
    )
    expect(m.html.match(/<li style="margin:0 0 12px/g)).toHaveLength(100)
  })
})
