import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createApiKey } from '../../../server/db/api-keys'
import { invitations, optOuts, outbox } from '../../../server/db/schema'
import { createWave } from '../../../server/db/waves'
import { makeTestApp } from '../../helpers/app'

type T = Awaited<ReturnType<typeof makeTestApp>>
const DAY = 86_400_000

async function setup(role: 'admin' | 'manager' | 'hr' = 'manager') {
  const t = await makeTestApp()
  const { key } = await createApiKey(t.db, {
    name: 'CRM',
    role,
    createdBy: 'test',
    expiresAt: null,
  })
  const wave = async (surveyId = 'customer', closesAt?: Date) =>
    (await createWave(t.db, { surveyId, name: `${surveyId} wave`, closesAt })).wave.id
  const trigger = (waveId: string, body: unknown) =>
    t.app.request(`/api/waves/${waveId}/invitations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  return { ...t, wave, trigger }
}

const outboxOf = (t: T, email: string) =>
  t.db
    .select({ at: outbox.nextAttemptAt, waveId: outbox.waveId })
    .from(outbox)
    .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
    .where(eq(invitations.email, email))

type Answer = {
  status: string
  invitation: { id: string; sendAt: string; dedupeKey: string | null } | null
  contactFrequency: { days: number; lastSurveyedAt: string | null }
  error?: { message: string; issues: { path: string }[] }
}

describe('POST /api/waves/:id/invitations', () => {
  test('queues one invitation; the same dedupeKey again answers 200 with the first and sends nothing', async () => {
    const t = await setup()
    const w = await t.wave()
    const first = await t.trigger(w, {
      email: ' Ann@Example.com ',
      name: 'Ann',
      language: 'de',
      segments: { region: 'north' },
      dedupeKey: 'order-1001',
    })
    expect(first.status).toBe(201)
    const a = (await first.json()) as Answer
    expect(a).toMatchObject({
      status: 'queued',
      contactFrequency: { days: 30, lastSurveyedAt: null },
    })
    expect(a.invitation).toMatchObject({ email: 'ann@example.com', dedupeKey: 'order-1001' })
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, a.invitation!.id))
    expect(row).toMatchObject({ name: 'Ann', language: 'de', segments: { region: 'north' } })

    const again = await t.trigger(w, { email: 'someone.else@example.com', dedupeKey: 'order-1001' })
    expect(again.status).toBe(200)
    const b = (await again.json()) as Answer
    expect(b.status).toBe('duplicate')
    expect(b.invitation!.id).toBe(a.invitation!.id)
    expect(await outboxOf(t, 'ann@example.com')).toHaveLength(1)
    expect(await outboxOf(t, 'someone.else@example.com')).toHaveLength(0)
  })

  test('the contact-frequency rule holds across waves, is reported, and can be turned off', async () => {
    const t = await setup()
    const [w1, w2] = [await t.wave(), await t.wave('wholesaler')]
    expect((await t.trigger(w1, { email: 'bo@example.com' })).status).toBe(201)
    const soon = await t.trigger(w2, { email: 'bo@example.com' })
    expect(soon.status).toBe(200)
    const s = (await soon.json()) as Answer
    expect(s.status).toBe('too-soon')
    expect(s.invitation).toBeNull()
    expect(s.contactFrequency.days).toBe(30)
    expect(Date.now() - Date.parse(s.contactFrequency.lastSurveyedAt!)).toBeLessThan(60_000)
    // 31 days later is outside the 30-day window.
    const later = new Date(Date.now() + 31 * DAY).toISOString()
    expect((await t.trigger(w2, { email: 'bo@example.com', sendAt: later })).status).toBe(201)

    // The admin sets the rule over the API (0 turns it off); a manager may only read it.
    const { key: adminKey } = await createApiKey(t.db, {
      name: 'a',
      role: 'admin',
      createdBy: 'x',
      expiresAt: null,
    })
    const put = (days: unknown) =>
      t.app.request('/api/settings/contact-frequency', {
        method: 'PUT',
        headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ days }),
      })
    const bad = await put(-1)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('days')
    expect((await put(0)).status).toBe(200)
    const w3 = await t.wave('retailer')
    const off = await t.trigger(w3, { email: 'bo@example.com' })
    expect(off.status).toBe(201)
    expect(((await off.json()) as Answer).contactFrequency).toEqual({
      days: 0,
      lastSurveyedAt: null,
    })
  })

  test('sendAt puts the email in the outbox for that time', async () => {
    const t = await setup()
    const w = await t.wave()
    const sendAt = new Date(Math.ceil((Date.now() + 2 * DAY) / 1000) * 1000)
    const res = await t.trigger(w, { email: 'cy@example.com', sendAt: sendAt.toISOString() })
    expect(res.status).toBe(201)
    expect(((await res.json()) as Answer).invitation!.sendAt).toBe(sendAt.toISOString())
    const [row] = await outboxOf(t, 'cy@example.com')
    expect(row!.at.getTime()).toBe(sendAt.getTime())
  })

  test('an address already in the wave, or opted out, is reported and not sent again', async () => {
    const t = await setup()
    const w = await t.wave()
    await t.trigger(w, { email: 'di@example.com', dedupeKey: 'a' })
    const twice = await t.trigger(w, { email: 'di@example.com', dedupeKey: 'b' })
    expect(((await twice.json()) as Answer).status).toBe('already-invited')
    await t.db.insert(optOuts).values({ email: 'ed@example.com' })
    const opted = await t.trigger(w, { email: 'ed@example.com' })
    expect(opted.status).toBe(200)
    expect(((await opted.json()) as Answer).status).toBe('opted-out')
    expect(await outboxOf(t, 'ed@example.com')).toHaveLength(0)
  })

  test.each([
    [{ email: 'x@example.com', dedupeKey: 'k'.repeat(129) }, 'dedupeKey', /128/],
    [{ email: 'not an email' }, 'email', /email/],
    [
      { email: 'x@example.com', sendAt: new Date(Date.now() - DAY).toISOString() },
      'sendAt',
      /past/,
    ],
    [{ email: 'x@example.com', sendAt: 'next tuesday' }, 'sendAt', /ISO 8601/],
    [{ email: 'x@example.com', language: 'not a language!' }, 'language', /BCP 47/],
    [{ email: 'x@example.com', segments: { email: 'y' } }, 'segments.email', /own field/],
    [{ email: 'x@example.com', colour: 'red' }, 'colour', /.+/],
  ])('bad input is refused naming the field: %j', async (body, field, message) => {
    const t = await setup()
    const res = await t.trigger(await t.wave(), body)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as {
      error: { message: string; issues: { path: string; message: string }[] }
    }
    const issue = error.issues.find((i) => i.path === field || i.message.includes(field))
    expect(issue, JSON.stringify(error)).toBeDefined()
    expect(error.message).toMatch(message)
    expect(await t.db.select().from(invitations)).toHaveLength(0)
  })

  test('sendAt after the wave closes is refused naming sendAt', async () => {
    const t = await setup()
    const w = await t.wave('customer', new Date(Date.now() + 7 * DAY))
    const res = await t.trigger(w, {
      email: 'x@example.com',
      sendAt: new Date(Date.now() + 8 * DAY).toISOString(),
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('sendAt: is after the wave closes')
  })

  test('per-object checks as for sessions: a manager key may not invite to an employee wave', async () => {
    const t = await setup('manager')
    const res = await t.trigger(await t.wave('employee'), { email: 'x@example.com' })
    expect(res.status).toBe(403)
    const hr = await setup('hr')
    expect((await hr.trigger(await hr.wave('employee'), { email: 'x@example.com' })).status).toBe(
      201,
    )
  })
})
