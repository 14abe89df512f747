import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { responses } from '../../../server/db/schema'
import { closeWave, createWave, getWave } from '../../../server/db/waves'
import { json } from '../../api/target'
import { makeCustomerAnswers } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { invitedWave } from '../../helpers/invited-wave'
import { signedInAs } from '../../helpers/session'

async function setUp(options: Parameters<typeof makeTestApp>[0] = {}) {
  const t = await makeTestApp(options)
  const wave = (surveyId: string, emails: string[]) => invitedWave(t.store, surveyId, emails)
  return { ...t, wave }
}

describe('keyed interviews (phone, face to face)', () => {
  test('a manager keys a response for an invitee: mode recorded, invitation used, second attempt refused', async () => {
    const t = await setUp()
    const w = await t.wave('customer', ['ana@example.com', 'bo@example.com'])
    const cookie = await signedInAs(t.app, t.store, 'manager')
    const ana = w.invitees['ana@example.com']!
    const post = (body: unknown) =>
      t.app.request(
        `/api/waves/${w.id}/interviews`,
        json(body, { headers: { cookie, Origin: 'http://localhost:8787' } }),
      )

    const found = await (
      await t.app.request(`/api/waves/${w.id}/invitations?q=ana`, { headers: { cookie } })
    ).json()
    expect(found.invitations).toEqual([
      { id: ana.id, email: 'ana@example.com', name: 'ana', segments: {}, status: 'not-sent' },
    ])

    const res = await post({ invitationId: ana.id, mode: 'phone', data: makeCustomerAnswers() })
    expect(res.status).toBe(201)
    const [stored] = await t.db.select().from(responses).where(eq(responses.waveId, w.id))
    expect(stored).toMatchObject({ mode: 'phone', invitationId: ana.id })
    expect(await getInvitationStatus(t, w.id, 'ana')).toBe('responded')

    const again = await post({
      invitationId: ana.id,
      mode: 'face_to_face',
      data: makeCustomerAnswers(),
    })
    expect(again.status).toBe(409)
    // The emailed link of the same invitee is now used too.
    expect((await t.app.request(`/api/links/${ana.token}`)).status).toBe(409)

    const bad = await post({
      invitationId: w.invitees['bo@example.com']!.id,
      mode: 'postal',
      data: { overall: 9 },
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.issues[0].path).toBe('mode')
    const invalid = await post({
      invitationId: w.invitees['bo@example.com']!.id,
      mode: 'phone',
      data: { overall: 9 },
    })
    expect(invalid.status).toBe(400)
    expect((await invalid.json()).error.message).toContain('overall')
    expect(
      (await post({ invitationId: 'i-nobody', mode: 'phone', data: makeCustomerAnswers() })).status,
    ).toBe(404)
  })

  test('roles: HR cannot key or list customer invitees, managers cannot touch employee waves; a closed wave takes nothing', async () => {
    const t = await setUp()
    const customers = await t.wave('customer', ['ana@example.com'])
    const staff = await t.wave('employee', ['e@example.com'])
    const hr = await signedInAs(t.app, t.store, 'hr')
    const manager = await signedInAs(t.app, t.store, 'manager')
    const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })

    expect((await get(`/api/waves/${customers.id}/invitations`, hr)).status).toBe(403)
    expect((await get(`/api/waves/${staff.id}/invitations`, manager)).status).toBe(403)
    expect((await get(`/api/waves/${staff.id}/survey`, manager)).status).toBe(403)
    expect((await get(`/api/waves/${customers.id}/invitations`, '')).status).toBe(401)
    const hrWaves = (await (await get('/api/waves', hr)).json()).waves.map(
      (w: { id: string }) => w.id,
    )
    expect(hrWaves).toEqual([staff.id])
    const managerWaves = (await (await get('/api/waves', manager)).json()).waves
    expect(managerWaves.map((w: { id: string }) => w.id)).toEqual([customers.id])
    expect(managerWaves[0].invitations).toMatchObject({ invited: 1, responded: 0 })

    await closeWave(t.db, customers.id, new Date())
    const closed = await t.app.request(
      `/api/waves/${customers.id}/interviews`,
      json(
        {
          invitationId: customers.invitees['ana@example.com']!.id,
          mode: 'phone',
          data: makeCustomerAnswers(),
        },
        { headers: { cookie: manager, Origin: 'http://localhost:8787' } },
      ),
    )
    expect(closed.status).toBe(410)
  })
})

async function getInvitationStatus(
  t: Awaited<ReturnType<typeof setUp>>,
  waveId: string,
  q: string,
) {
  const cookie = await signedInAs(t.app, t.store, 'admin')
  const body = await (
    await t.app.request(`/api/waves/${waveId}/invitations?q=${q}`, { headers: { cookie } })
  ).json()
  return body.invitations[0].status as string
}

describe('respondent links', () => {
  test('unknown, used, closed and not-yet-open links get their friendly page after the same database work', async () => {
    const t = await setUp()
    const w = await t.wave('customer', ['used@example.com', 'closed@example.com'])
    const closedWave = await t.wave('customer', ['c@example.com'])
    await closeWave(t.db, closedWave.id, new Date())
    const laterToken = (
      await createWave(t.db, {
        surveyId: 'customer',
        name: 'Later',
        opensAt: new Date(Date.now() + 86_400_000),
        openLink: true,
      })
    ).openLinkToken!
    const used = w.invitees['used@example.com']!
    await t.app.request(
      `/api/links/${used.token}/responses`,
      json({ data: makeCustomerAnswers(), submissionKey: 'key-12345' }),
    )

    // Count the statements each outcome costs: the same work whatever the state.
    const sqlite = (t.store as unknown as { sqlite: { prepare: (s: string) => unknown } }).sqlite
    const original = sqlite.prepare.bind(sqlite)
    let statements = 0
    sqlite.prepare = (s: string) => {
      statements++
      return original(s)
    }
    const cases = [
      ['unknown', 'Q'.repeat(43), 404, 'Link not recognised'],
      ['used', used.token!, 409, 'Already answered'],
      ['closed', closedWave.invitees['c@example.com']!.token!, 410, 'This survey has closed'],
      ['not yet open', laterToken, 403, 'Not open yet'],
    ] as const
    const costs: number[] = []
    for (const [, token, status, title] of cases) {
      statements = 0
      const res = await t.app.request(`/s/${token}`)
      costs.push(statements)
      expect(res.status).toBe(status)
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(await res.text()).toContain(title)
    }
    sqlite.prepare = original
    expect(new Set(costs).size).toBe(1)
  })

  test('token routes are rate limited per address with Retry-After; other addresses go on', async () => {
    const t = await setUp({ tokenRateLimit: 5, clientIp: '203.0.113.9' })
    for (let i = 0; i < 5; i++)
      expect((await t.app.request(`/api/links/${'Q'.repeat(43)}`)).status).toBe(404)
    const limited = await t.app.request(`/api/links/${'Q'.repeat(43)}`)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await limited.json()).error.code).toBe('TOO_MANY_REQUESTS')
    const page = await t.app.request(`/s/${'Q'.repeat(43)}`)
    expect(page.status).toBe(429)
    expect(await page.text()).toContain('Please wait a moment')
    // Sign-in is counted apart: the limit on token routes does not lock the dashboard.
    expect((await t.app.request('/api/health')).status).toBe(200)
    const other = await makeTestApp({ tokenRateLimit: 5, clientIp: '198.51.100.1' })
    expect((await other.app.request(`/api/links/${'Q'.repeat(43)}`)).status).toBe(404)
  })

  test('the printable questionnaire needs a session', async () => {
    const t = await setUp()
    const anonymous = await t.app.request('/print/customer')
    expect(anonymous.status).toBe(401)
    const cookie = await signedInAs(t.app, t.store, 'manager')
    const page = await t.app.request('/print/customer', { headers: { cookie } })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Reference')
    expect(html).toContain('@page')
    expect((await t.app.request('/print/nope', { headers: { cookie } })).status).toBe(404)
  })
})

describe('waves', () => {
  test('closing a wave expires its invitation links', async () => {
    const t = await setUp()
    const w = await t.wave('customer', ['a@example.com'])
    const token = w.invitees['a@example.com']!.token!
    expect((await t.app.request(`/api/links/${token}`)).status).toBe(200)
    await closeWave(t.db, w.id, new Date())
    expect((await t.app.request(`/api/links/${token}`)).status).toBe(410)
    expect((await getWave(t.db, w.id))!.closedAt).toBeInstanceOf(Date)
  })
})
