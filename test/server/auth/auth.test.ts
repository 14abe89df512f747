import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { createAuth } from '../../../server/auth/create-auth'
import { requireRole } from '../../../server/auth/require-role'
import type { Role } from '../../../server/db/schema'
import { signInThrottles, users } from '../../../server/db/schema'
import { ensureAuthSecret } from '../../../server/db/settings'
import { createUser } from '../../../server/db/users'
import type { AppEnv } from '../../../server/env'
import { onError } from '../../../server/lib/errors'
import { openDatabase } from '../../../server/node/open-database'
import { makeTestApp } from '../../helpers/app'

const ORIGIN = 'http://localhost:8787'
const PASSWORD = 'correct horse battery'

type ErrorJson = { error: { code: string; message: string; issues?: Array<{ path: string }> } }

/** A fresh app with one user per role, plus a tiny route per role guard. */
async function setup(options: { publicUrl?: string } = {}) {
  const t = await makeTestApp(options)
  for (const role of ['admin', 'manager', 'hr'] as const) {
    await createUser(t.store, { email: `${role}@example.com`, role, password: PASSWORD })
  }
  // A tiny app of its own: createApp's page fallback answers every other GET.
  const config = {
    runtime: 'node' as const,
    publicUrl: options.publicUrl ?? ORIGIN,
    bodyLimit: 1024,
    authSecret: t.config.authSecret,
    tokenRateLimit: 0,
  }
  const guarded = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('db', t.db)
      c.set('config', config)
      await next()
    })
    .onError(onError)
    .get('/hr', requireRole('hr'), (c) => c.json({ user: c.var.user }, 200))
    .get('/managers', requireRole('manager', 'admin'), (c) => c.json({ user: c.var.user }, 200))
  const origin = options.publicUrl ?? ORIGIN
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
      body: JSON.stringify(body),
    })
  const signIn = (email: string, password = PASSWORD) =>
    post('/api/auth/sign-in/email', { email, password })
  const cookieOf = async (email: string, password = PASSWORD) => {
    const res = await signIn(email, password)
    expect(res.status).toBe(200)
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  }
  const get = (path: string, cookie?: string) =>
    t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} })
  const getGuarded = (path: string, cookie?: string) =>
    guarded.request(path, { headers: cookie ? { Cookie: cookie } : {} })
  return { ...t, post, signIn, cookieOf, get, getGuarded }
}

describe('POST /api/auth/sign-in/email', () => {
  test('the right password gives an HttpOnly, SameSite=Lax session cookie (not Secure on http)', async () => {
    const { signIn } = await setup()
    const res = await signIn('Manager@Example.com')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toEqual({
      user: {
        id: expect.any(String),
        email: 'manager@example.com',
        name: 'manager',
        role: 'manager',
      },
    })
    const cookies = res.headers.getSetCookie()
    expect(cookies).toHaveLength(1)
    expect(cookies[0]).toMatch(
      /^csi\.session_token=[^;]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/,
    )
  })

  test('with an https PUBLIC_URL the cookie is Secure and __Secure- prefixed', async () => {
    const { signIn } = await setup({ publicUrl: 'https://survey.example.com' })
    const res = await signIn('hr@example.com')
    expect(res.status).toBe(200)
    const [cookie] = res.headers.getSetCookie()
    expect(cookie).toMatch(/^__Secure-csi\.session_token=/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
  })

  test('a wrong password and an unknown email get the same 401 envelope', async () => {
    const { signIn } = await setup()
    for (const res of [
      await signIn('hr@example.com', 'wrong password'),
      await signIn('nobody@example.com'),
    ]) {
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'Invalid email or password' },
      })
      expect(res.headers.getSetCookie()).toEqual([])
    }
  })

  test('a malformed body is a 400 naming the field, and counts no failure', async () => {
    const { post, db } = await setup()
    const res = await post('/api/auth/sign-in/email', { email: 'not an email', password: 'x' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as ErrorJson).error.issues?.map((i) => i.path)).toEqual(['email'])
    expect(await db.select().from(signInThrottles)).toEqual([])
  })
})

describe('POST /api/auth/sign-out', () => {
  test('ends the session: the old cookie no longer works', async () => {
    const { cookieOf, post, get } = await setup()
    const cookie = await cookieOf('hr@example.com')
    expect((await get('/api/me', cookie)).status).toBe(200)
    const res = await post('/api/auth/sign-out', {}, { Cookie: cookie })
    expect(res.status).toBe(200)
    expect(res.headers.getSetCookie().join()).toMatch(/csi\.session_token=; Max-Age=0/)
    expect((await get('/api/me', cookie)).status).toBe(401)
  })

  test('a cookie-bearing POST from another origin, or with no origin, is refused (CSRF)', async () => {
    const { cookieOf, post, get, signIn } = await setup()
    const cookie = await cookieOf('hr@example.com')
    for (const headers of [{ Origin: 'https://evil.example' }, { Origin: 'null' }]) {
      const out = await post('/api/auth/sign-out', {}, { Cookie: cookie, ...headers })
      expect(out.status).toBe(403)
      expect(((await out.json()) as ErrorJson).error.code).toBe('FORBIDDEN')
      const change = { currentPassword: PASSWORD, newPassword: 'chosen by attacker' }
      expect(
        (await post('/api/auth/change-password', change, { Cookie: cookie, ...headers })).status,
      ).toBe(403)
    }
    expect((await get('/api/me', cookie)).status).toBe(200)
    expect((await signIn('hr@example.com')).status).toBe(200)
  })
})

describe('POST /api/auth/change-password', () => {
  test('the new password works and the old one stops working', async () => {
    const { cookieOf, post, signIn } = await setup()
    const cookie = await cookieOf('manager@example.com')
    const res = await post(
      '/api/auth/change-password',
      { currentPassword: PASSWORD, newPassword: 'a brand new secret' },
      { Cookie: cookie },
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ user: { email: 'manager@example.com' } })
    expect((await signIn('manager@example.com')).status).toBe(401)
    expect((await signIn('manager@example.com', 'a brand new secret')).status).toBe(200)
  })

  test('wrong current passwords count against the sign-in lockout of that email', async () => {
    const { cookieOf, post, signIn } = await setup()
    const cookie = await cookieOf('manager@example.com')
    const change = (currentPassword: string) =>
      post(
        '/api/auth/change-password',
        { currentPassword, newPassword: 'a brand new secret' },
        { Cookie: cookie },
      )
    for (let i = 0; i < 5; i++) expect((await change(`guess number ${i}`)).status).toBe(400)
    const locked = await change(PASSWORD)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(((await locked.json()) as ErrorJson).error.message).toMatch(
      /Too many failed password attempts/,
    )
    expect((await signIn('manager@example.com')).status).toBe(429)
    // Another user's lockout is their own.
    expect((await signIn('hr@example.com')).status).toBe(200)
  })

  test('a wrong current password or no session is refused in the envelope', async () => {
    const { cookieOf, post } = await setup()
    const cookie = await cookieOf('manager@example.com')
    const wrong = await post(
      '/api/auth/change-password',
      { currentPassword: 'nope nope', newPassword: 'a brand new secret' },
      { Cookie: cookie },
    )
    expect(wrong.status).toBe(400)
    expect(((await wrong.json()) as ErrorJson).error.code).toBe('BAD_REQUEST')
    const anonymous = await post('/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new secret',
    })
    expect(anonymous.status).toBe(401)
    const short = await post(
      '/api/auth/change-password',
      { currentPassword: PASSWORD, newPassword: 'short' },
      { Cookie: cookie },
    )
    expect(short.status).toBe(400)
    expect(((await short.json()) as ErrorJson).error.issues?.map((i) => i.path)).toEqual([
      'newPassword',
    ])
  })
})

describe('requireRole()', () => {
  test('401 without a session or with a forged cookie', async () => {
    const { getGuarded } = await setup()
    for (const res of [
      await getGuarded('/hr'),
      await getGuarded('/hr', 'csi.session_token=forged.value'),
    ]) {
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'Sign in to use this' },
      })
    }
  })

  test.each<[Role, string, number]>([
    ['hr', '/hr', 200],
    ['manager', '/hr', 403],
    ['admin', '/hr', 403],
    ['manager', '/managers', 200],
    ['admin', '/managers', 200],
    ['hr', '/managers', 403],
  ])('%s on %s → %i', async (role, path, status) => {
    const { cookieOf, getGuarded } = await setup()
    const res = await getGuarded(path, await cookieOf(`${role}@example.com`))
    expect(res.status).toBe(status)
    const body = await res.json()
    if (status === 200)
      expect(body).toEqual({ user: { id: expect.any(String), email: `${role}@example.com`, role } })
    else
      expect(body).toEqual({
        error: { code: 'FORBIDDEN', message: expect.stringContaining(`you are ${role}`) },
      })
  })
})

describe('no public sign-up', () => {
  test.each([
    ['POST', '/api/auth/sign-up/email'],
    ['POST', '/api/auth/update-user'],
    ['GET', '/api/auth/get-session'],
    ['GET', '/api/auth/list-sessions'],
  ])('%s %s is not routed (404)', async (method, path) => {
    const { app, db } = await setup()
    const res = await app.request(path, {
      method,
      ...(method === 'POST'
        ? {
            headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
            body: JSON.stringify({
              email: 'new@example.com',
              password: PASSWORD,
              name: 'New',
              role: 'admin',
            }),
          }
        : {}),
    })
    expect(res.status).toBe(404)
    expect(((await res.json()) as ErrorJson).error.code).toBe('NOT_FOUND')
    expect(await db.select().from(users).where(eq(users.email, 'new@example.com'))).toEqual([])
  })

  test('better-auth itself refuses sign-up too', async () => {
    const { db } = await setup()
    const auth = createAuth(db, { publicUrl: ORIGIN, authSecret: 'x'.repeat(32) })
    await expect(
      auth.api.signUpEmail({ body: { email: 'new@example.com', password: PASSWORD, name: 'New' } }),
    ).rejects.toThrow(/sign up is not enabled/)
  })
})

describe('ensureAuthSecret()', () => {
  test('generates 256 random bits once and returns the same value afterwards', async () => {
    const { db } = openDatabase(':memory:')
    const first = await ensureAuthSecret(db)
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await ensureAuthSecret(db)).toBe(first)
    expect(await ensureAuthSecret(openDatabase(':memory:').db)).not.toBe(first)
  })
})
