import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import type { Role } from '../../../server/db/schema'
import { sessions, users } from '../../../server/db/schema'
import { THROTTLES } from '../../../server/db/sign-in-throttles'
import { createUser } from '../../../server/db/users'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

const ORIGIN = 'http://localhost:8787'

type ErrorJson = { error: { code: string; message: string; issues?: Array<{ path: string }> } }
type UserJson = {
  id: string
  email: string
  role: Role
  createdAt: string
  lockedUntil: string | null
}

async function setup() {
  const t = await makeTestApp()
  const admin = await signedInAs(t.app, t.store, 'admin')
  const send = (
    method: string,
    path: string,
    cookie: string | null,
    body?: unknown,
    address = '10.9.9.9',
  ) =>
    t.app.request(path, {
      method,
      headers: {
        Origin: ORIGIN,
        'X-Test-Client-Ip': address,
        ...(cookie ? { Cookie: cookie } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const signIn = (email: string, password: string, address?: string) =>
    send('POST', '/api/auth/sign-in/email', null, { email, password }, address)
  // Failures from as many addresses as it takes to slow the account itself down.
  const failEverywhere = async (email: string) => {
    for (let i = 0; i < THROTTLES.account.free; i++)
      expect((await signIn(email, `wrong ${i}`, `10.0.0.${i}`)).status).toBe(401)
  }
  const list = async (cookie = admin) => {
    const res = await send('GET', '/api/users', cookie)
    expect(res.status).toBe(200)
    return ((await res.json()) as { users: UserJson[] }).users
  }
  const idOf = async (email: string) => (await list()).find((u) => u.email === email)!.id
  return { ...t, admin, send, signIn, failEverywhere, list, idOf }
}

describe('GET /api/users', () => {
  test('an admin gets every user with role, created date and lockout state', async () => {
    const { store, list, failEverywhere } = await setup()
    await createUser(store, { email: 'hr@example.com', role: 'hr', password: 'hr password 1' })
    await failEverywhere('hr@example.com')
    const all = await list()
    expect(all).toHaveLength(2)
    expect(all[0]).toMatchObject({ role: 'admin', lockedUntil: null })
    const hr = all.find((u) => u.email === 'hr@example.com')!
    expect(hr).toEqual({
      id: expect.any(String),
      email: 'hr@example.com',
      role: 'hr',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lockedUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    expect(Date.parse(hr.lockedUntil!)).toBeGreaterThan(Date.now())
    // Nothing secret leaves the server.
    expect(JSON.stringify(all)).not.toMatch(/password|hash/i)
  })
})

describe('DELETE /api/users/:id/lockout', () => {
  test('an admin can end a lockout early', async () => {
    const { store, send, signIn, failEverywhere, admin, idOf, list } = await setup()
    await createUser(store, { email: 'hr@example.com', role: 'hr', password: 'hr password 1' })
    await failEverywhere('hr@example.com')
    expect((await signIn('hr@example.com', 'hr password 1')).status).toBe(429)
    const res = await send('DELETE', `/api/users/${await idOf('hr@example.com')}/lockout`, admin)
    expect(res.status).toBe(200)
    expect((await list()).find((u) => u.email === 'hr@example.com')?.lockedUntil).toBeNull()
    expect((await signIn('hr@example.com', 'hr password 1')).status).toBe(200)
  })
})

describe('GET /api/users: a back-off from one address', () => {
  test('shows on the user, and ending it frees that address too', async () => {
    const { store, send, signIn, admin, idOf, list } = await setup()
    await createUser(store, { email: 'hr@example.com', role: 'hr', password: 'hr password 1' })
    for (let i = 0; i < THROTTLES.pair.free; i++)
      expect((await signIn('hr@example.com', `wrong ${i}`, '192.0.2.9')).status).toBe(401)
    const hr = (await list()).find((u) => u.email === 'hr@example.com')!
    expect(Date.parse(hr.lockedUntil!)).toBeGreaterThan(Date.now())
    expect((await signIn('hr@example.com', 'hr password 1', '192.0.2.9')).status).toBe(429)
    const res = await send('DELETE', `/api/users/${await idOf('hr@example.com')}/lockout`, admin)
    expect(res.status).toBe(200)
    expect((await list()).find((u) => u.email === 'hr@example.com')?.lockedUntil).toBeNull()
    expect((await signIn('hr@example.com', 'hr password 1', '192.0.2.9')).status).toBe(200)
  })
})

describe('/api/users access', () => {
  test.each<Role>(['manager', 'hr'])('%s gets 403 on every users endpoint', async (role) => {
    const { app, store, send } = await setup()
    const cookie = await signedInAs(app, store, role)
    const target = (await store.db.select().from(users))[0]!.id
    for (const res of [
      await send('GET', '/api/users', cookie),
      await send('POST', '/api/users', cookie, { email: 'new@example.com', role: 'admin' }),
      await send('PATCH', `/api/users/${target}`, cookie, { role: 'hr' }),
      await send('DELETE', `/api/users/${target}`, cookie),
      await send('DELETE', `/api/users/${target}/lockout`, cookie),
    ]) {
      expect(res.status).toBe(403)
      expect(((await res.json()) as ErrorJson).error.code).toBe('FORBIDDEN')
    }
    expect(await store.db.select().from(users).where(eq(users.email, 'new@example.com'))).toEqual(
      [],
    )
  })

  test('signed out gets 401', async () => {
    const { send } = await setup()
    for (const res of [
      await send('GET', '/api/users', null),
      await send('POST', '/api/users', null, { email: 'new@example.com', role: 'admin' }),
      await send('PATCH', '/api/users/u-x', null, { role: 'hr' }),
      await send('DELETE', '/api/users/u-x', null),
    ]) {
      expect(res.status).toBe(401)
      expect(((await res.json()) as ErrorJson).error.code).toBe('UNAUTHORIZED')
    }
  })
})

describe('POST /api/users', () => {
  test('without a password, one is generated, returned once, and signs the user in', async () => {
    const { send, admin, signIn, list } = await setup()
    const res = await send('POST', '/api/users', admin, {
      email: ' New@Example.com ',
      role: 'manager',
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as { user: UserJson; password: string }
    expect(body.user).toEqual({ id: expect.any(String), email: 'new@example.com', role: 'manager' })
    expect(body.password).toMatch(/^[A-Za-z0-9]{20}$/)
    expect((await signIn('new@example.com', body.password)).status).toBe(200)
    // Listing never shows it again.
    expect(JSON.stringify(await list())).not.toContain(body.password)
  })

  test('with a password, that one works and none is returned', async () => {
    const { send, admin, signIn } = await setup()
    const res = await send('POST', '/api/users', admin, {
      email: 'hr2@example.com',
      role: 'hr',
      password: 'chosen by admin',
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { password: string | null }).password).toBeNull()
    expect((await signIn('hr2@example.com', 'chosen by admin')).status).toBe(200)
  })

  test('a duplicate email (any case) is a 409 naming the email', async () => {
    const { send, admin } = await setup()
    expect(
      (await send('POST', '/api/users', admin, { email: 'dup@example.com', role: 'hr' })).status,
    ).toBe(201)
    const res = await send('POST', '/api/users', admin, { email: 'DUP@example.com', role: 'admin' })
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({
      error: { code: 'CONFLICT', message: 'A user dup@example.com already exists' },
    })
  })

  test.each([
    [{ email: 'not an email', role: 'hr' }, 'email'],
    [{ email: 'a@example.com', role: 'owner' }, 'role'],
    [{ email: 'a@example.com' }, 'role'],
    [{ email: 'a@example.com', role: 'hr', password: 'short' }, 'password'],
  ])('%j is a 400 naming %s', async (body, field) => {
    const { send, admin, store } = await setup()
    const res = await send('POST', '/api/users', admin, body)
    expect(res.status).toBe(400)
    const json = (await res.json()) as ErrorJson
    expect(json.error.code).toBe('BAD_REQUEST')
    expect(json.error.issues?.map((i) => i.path)).toEqual([field])
    expect(json.error.message).toContain(field)
    expect(await store.db.select().from(users)).toHaveLength(1)
  })
})

describe('PATCH /api/users/:id', () => {
  test('an admin changes a role, and it applies to the user’s open session at once', async () => {
    const { app, store, send, admin } = await setup()
    const managerCookie = await signedInAs(app, store, 'manager')
    const manager = (await store.db.select().from(users).where(eq(users.role, 'manager')))[0]!
    expect((await send('GET', '/api/users', managerCookie)).status).toBe(403)
    const res = await send('PATCH', `/api/users/${manager.id}`, admin, { role: 'admin' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      user: { id: manager.id, email: manager.email, role: 'admin' },
    })
    expect((await send('GET', '/api/users', managerCookie)).status).toBe(200)
  })

  test('the last admin cannot be demoted (409); with a second admin it can', async () => {
    const { app, store, send, admin, list } = await setup()
    const me = (await list())[0]!
    const refused = await send('PATCH', `/api/users/${me.id}`, admin, { role: 'manager' })
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as ErrorJson
    expect(body.error.code).toBe('CONFLICT')
    expect(body.error.message).toMatch(/only admin/)
    expect((await list())[0]!.role).toBe('admin')

    await signedInAs(app, store, 'admin')
    const ok = await send('PATCH', `/api/users/${me.id}`, admin, { role: 'manager' })
    expect(ok.status).toBe(200)
    // Now the demoted user is no longer an admin.
    expect((await send('GET', '/api/users', admin)).status).toBe(403)
  })

  test('two admins demoting each other at once leave one admin', async () => {
    const { app, store, send, admin } = await setup()
    const other = await signedInAs(app, store, 'admin')
    const [a, b] = await store.db.select().from(users).where(eq(users.role, 'admin'))
    const results = await Promise.all([
      send('PATCH', `/api/users/${b!.id}`, admin, { role: 'hr' }),
      send('PATCH', `/api/users/${a!.id}`, other, { role: 'hr' }),
    ])
    // One wins; the other finds itself demoted (403) or the target the only admin left (409).
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s !== 200).every((s) => s === 403 || s === 409)).toBe(true)
    expect(await store.db.select().from(users).where(eq(users.role, 'admin'))).toHaveLength(1)
  })

  test('an unknown user is a 404; a bad role a 400 naming role', async () => {
    const { send, admin, list } = await setup()
    const missing = await send('PATCH', '/api/users/u-nobody', admin, { role: 'hr' })
    expect(missing.status).toBe(404)
    const me = (await list())[0]!
    const bad = await send('PATCH', `/api/users/${me.id}`, admin, { role: 'boss' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as ErrorJson).error.issues?.map((i) => i.path)).toEqual(['role'])
  })
})

describe('DELETE /api/users/:id', () => {
  test('removes a user and ends their sessions', async () => {
    const { app, store, send, admin, db } = await setup()
    const cookie = await signedInAs(app, store, 'hr')
    const hr = (await db.select().from(users).where(eq(users.role, 'hr')))[0]!
    const res = await send('DELETE', `/api/users/${hr.id}`, admin)
    expect(res.status).toBe(200)
    expect(await db.select().from(sessions).where(eq(sessions.userId, hr.id))).toEqual([])
    expect((await send('GET', '/api/me', cookie)).status).toBe(401)
    expect((await send('DELETE', `/api/users/${hr.id}`, admin)).status).toBe(404)
  })

  test('an admin cannot remove themselves', async () => {
    const { send, admin, list } = await setup()
    const me = (await list())[0]!
    const self = await send('DELETE', `/api/users/${me.id}`, admin)
    expect(self.status).toBe(409)
    expect(((await self.json()) as ErrorJson).error.message).toMatch(/your own account/)
    expect(await list()).toHaveLength(1)
  })
})

describe('password change through /api/auth/change-password', () => {
  test('a created user changes the returned password; the old one stops working', async () => {
    const { send, admin, signIn } = await setup()
    const created = await send('POST', '/api/users', admin, {
      email: 'm@example.com',
      role: 'manager',
    })
    const { password } = (await created.json()) as { password: string }
    const signedIn = await signIn('m@example.com', password)
    expect(signedIn.status).toBe(200)
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const res = await send('POST', '/api/auth/change-password', cookie, {
      currentPassword: password,
      newPassword: 'my own secret phrase',
      revokeOtherSessions: true,
    })
    expect(res.status).toBe(200)
    expect((await signIn('m@example.com', password)).status).toBe(401)
    expect((await signIn('m@example.com', 'my own secret phrase')).status).toBe(200)
  })
})
