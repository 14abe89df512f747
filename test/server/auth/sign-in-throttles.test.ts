import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { signInThrottles } from '../../../server/db/schema'
import {
  THROTTLES,
  backOffMs,
  reserveSignIn,
  throttleKeys,
} from '../../../server/db/sign-in-throttles'
import { createUser } from '../../../server/db/users'
import { openDatabase } from '../../../server/node/open-database'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

const ORIGIN = 'http://localhost:8787'
const PASSWORD = 'correct horse battery'
type ErrorJson = { error: { code: string; message: string } }

async function setup() {
  const t = await makeTestApp()
  const post = (path: string, body: unknown, address: string, cookie?: string) =>
    t.app.request(path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: ORIGIN,
        'X-Test-Client-Ip': address,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: JSON.stringify(body),
    })
  const signIn = (email: string, password: string, address: string) =>
    post('/api/auth/sign-in/email', { email, password }, address)
  return { ...t, post, signIn }
}

describe('sign-in throttles over HTTP', () => {
  test('spraying 80 accounts from one address is throttled after 20 failures; other addresses are not', async () => {
    const { store, signIn } = await setup()
    const victims = Array.from({ length: 80 }, (_, i) => `user${i}@example.com`)
    for (const email of victims.slice(0, 3))
      await createUser(store, { email, role: 'manager', password: PASSWORD })
    const statuses: number[] = []
    for (const email of victims)
      statuses.push((await signIn(email, 'Summer2026!', '203.0.113.7')).status)
    expect(statuses.slice(0, THROTTLES.address.free)).toEqual(
      Array(THROTTLES.address.free).fill(401),
    )
    expect(statuses.slice(THROTTLES.address.free)).toEqual(
      Array(80 - THROTTLES.address.free).fill(429),
    )
    // Even the right password waits out the address's back-off…
    const refused = await signIn('user0@example.com', PASSWORD, '203.0.113.7')
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as ErrorJson).error.message).toMatch(
      /^Too many failed sign-ins from your address; try again in \d+ seconds\.$/,
    )
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(30)
    // …while the same user elsewhere signs in.
    expect((await signIn('user0@example.com', PASSWORD, '198.51.100.4')).status).toBe(200)
  })

  test('the real user signs in from their own address while an attacker hammers their email', async () => {
    const { store, signIn } = await setup()
    await createUser(store, { email: 'admin@example.com', role: 'admin', password: PASSWORD })
    const attack: number[] = []
    for (let i = 0; i < 40; i++)
      attack.push((await signIn('admin@example.com', `guess ${i}`, '192.0.2.66')).status)
    expect(attack.filter((s) => s === 401)).toHaveLength(THROTTLES.pair.free)
    expect(attack.slice(THROTTLES.pair.free).every((s) => s === 429)).toBe(true)
    expect((await signIn('admin@example.com', PASSWORD, '198.51.100.20')).status).toBe(200)
    // The attacker's own pair stays slowed: a success elsewhere does not lift it.
    expect((await signIn('admin@example.com', 'guess again', '192.0.2.66')).status).toBe(429)
  })

  test('concurrent wrong attempts from one address get at most 5 password checks', async () => {
    const { store, signIn } = await setup()
    await createUser(store, { email: 'admin@example.com', role: 'admin', password: PASSWORD })
    const statuses = await Promise.all(
      Array.from(
        { length: 12 },
        async () => (await signIn('admin@example.com', 'guess', '192.0.2.1')).status,
      ),
    )
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(THROTTLES.pair.free)
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true)
  })

  test('a bad request counts no failure', async () => {
    const { db, post } = await setup()
    const res = await post('/api/auth/sign-in/email', { email: 'nope', password: 'x' }, '192.0.2.2')
    expect(res.status).toBe(400)
    expect(await db.select().from(signInThrottles)).toEqual([])
  })

  test('an admin lists throttles and clears an address; other roles may not', async () => {
    const { app, store, signIn, post } = await setup()
    const admin = await signedInAs(app, store, 'admin')
    for (let i = 0; i < 25; i++) await signIn(`x${i}@example.com`, 'bad', '203.0.113.9')
    const listed = await app.request('/api/auth/throttles', { headers: { Cookie: admin } })
    expect(listed.status).toBe(200)
    expect(listed.headers.get('cache-control')).toBe('no-store')
    const body = (await listed.json()) as {
      throttles: { key: string; kind: string; failures: number; blockedUntil: string | null }[]
    }
    const address = body.throttles.find((t) => t.key === 'address:203.0.113.9')!
    expect(address).toMatchObject({ kind: 'address', failures: THROTTLES.address.free })
    expect(Date.parse(address.blockedUntil!)).toBeGreaterThan(Date.now())
    const cleared = await post(
      '/api/auth/throttles/clear',
      { address: '203.0.113.9' },
      '10.0.0.1',
      admin,
    )
    expect(cleared.status).toBe(200)
    // The address row and its 20 pair rows (the last 5 attempts were refused uncounted).
    expect(await cleared.json()).toEqual({ cleared: 21 })
    expect((await signIn('x99@example.com', 'bad', '203.0.113.9')).status).toBe(401)
    const none = await post(
      '/api/auth/throttles/clear',
      { email: 'nobody@example.com' },
      '10.0.0.1',
      admin,
    )
    expect(none.status).toBe(404)
    const both = await post(
      '/api/auth/throttles/clear',
      { email: 'a@example.com', address: '1.2.3.4' },
      '10.0.0.1',
      admin,
    )
    expect(both.status).toBe(400)
    const manager = await signedInAs(app, store, 'manager')
    expect(
      (await app.request('/api/auth/throttles', { headers: { Cookie: manager } })).status,
    ).toBe(403)
    expect(
      (await post('/api/auth/throttles/clear', { address: '203.0.113.9' }, '10.0.0.1', manager))
        .status,
    ).toBe(403)
  })
})

describe('reserveSignIn()', () => {
  const fail = async (db: ReturnType<typeof openDatabase>['db'], at: number) =>
    reserveSignIn(db, 'a@example.com', '192.0.2.5', at)

  test('backs off 30 s, 60 s, 120 s… after 5 failures, capped at 15 minutes, and never locks', async () => {
    const { db } = openDatabase(':memory:')
    let now = Date.parse('2026-01-01T10:00:00Z')
    for (let i = 0; i < 5; i++) expect((await fail(db, (now += 1000))).allowed).toBe(true)
    const waits: number[] = []
    for (let i = 0; i < 8; i++) {
      const refused = await fail(db, now + 1)
      expect(refused).toMatchObject({ allowed: false, kind: 'pair' })
      waits.push((refused as { retryAfterSeconds: number }).retryAfterSeconds)
      // Attempts during the block are not counted: the block does not grow.
      expect(await fail(db, now + 2)).toMatchObject({ retryAfterSeconds: waits.at(-1) })
      now += waits.at(-1)! * 1000
      expect((await fail(db, now)).allowed).toBe(true)
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900])
  })

  test('failures a day apart start counting afresh', async () => {
    const { db } = openDatabase(':memory:')
    const t0 = Date.parse('2026-01-01T10:00:00Z')
    for (let i = 0; i < 20; i++)
      expect((await fail(db, t0 + i * 24 * 60 * 60_000)).allowed).toBe(true)
  })

  test('backOffMs() matches the SQL it mirrors at every count', async () => {
    const { db } = openDatabase(':memory:')
    const t0 = Date.parse('2026-01-01T10:00:00Z')
    let now = t0
    for (let n = 1; n <= 40; n++) {
      const r = await reserveSignIn(db, `n@example.com`, `192.0.2.${n}`, now)
      expect(r.allowed).toBe(true)
      const [row] = await db
        .select()
        .from(signInThrottles)
        .where(eqKey(throttleKeys('n@example.com', 'x')[1]![1]))
      expect(row!.blockedUntil - now).toBe(backOffMs(THROTTLES.account, n))
      now = row!.blockedUntil
    }
  })
})

const eqKey = (key: string) => eq(signInThrottles.key, key)
