import { describe, expect, test } from 'vitest'
import type { ApiTarget } from './target'

type Listed = { id: string; email: string; role: string; lockedUntil: string | null }

/**
 * /api/users on a runtime's own database: the last-admin guard is one conditional UPDATE, so
 * it must hold on D1 as on better-sqlite3. Emails are unique per run; no fresh DB is assumed.
 */
export function usersSuite(target: () => ApiTarget) {
  const email = (who: string) => `${who}-${crypto.randomUUID().slice(0, 8)}@example.com`
  const send = (method: string, path: string, cookie: string, body?: unknown) =>
    target().fetch(path, {
      method,
      headers: {
        Origin: target().origin,
        Cookie: cookie,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const signIn = async (address: string, password: string) => {
    const res = await target().fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: target().origin },
      body: JSON.stringify({ email: address, password }),
    })
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    return { status: res.status, cookie }
  }
  const list = async (cookie: string) => {
    const res = await send('GET', '/api/users', cookie)
    expect(res.status).toBe(200)
    return ((await res.json()) as { users: Listed[] }).users
  }
  /** An admin signed in, and every other admin demoted, so this one is the only admin. */
  const onlyAdmin = async () => {
    const address = email('admin')
    await target().createUser({ email: address, role: 'admin', password: 'correct horse battery' })
    const { cookie } = await signIn(address, 'correct horse battery')
    for (const u of await list(cookie))
      if (u.role === 'admin' && u.email !== address)
        expect(
          (await send('PATCH', `/api/users/${u.id}`, cookie, { role: 'manager' })).status,
        ).toBe(200)
    const me = (await list(cookie)).find((u) => u.email === address)!
    return { cookie, me }
  }

  describe('/api/users', () => {
    test('create with a generated password, sign in with it, refuse a duplicate, remove', async () => {
      const { cookie } = await onlyAdmin()
      const address = email('manager')
      const res = await send('POST', '/api/users', cookie, { email: address, role: 'manager' })
      expect(res.status).toBe(201)
      const { user, password } = (await res.json()) as { user: Listed; password: string }
      expect((await signIn(address, password)).status).toBe(200)
      const again = await send('POST', '/api/users', cookie, { email: address, role: 'hr' })
      expect(again.status).toBe(409)
      expect((await list(cookie)).find((u) => u.id === user.id)).toMatchObject({
        role: 'manager',
        lockedUntil: null,
      })
      expect((await send('DELETE', `/api/users/${user.id}`, cookie)).status).toBe(200)
      expect((await signIn(address, password)).status).toBe(401)
    })

    test('the only admin cannot be demoted; two admins demoting each other leave one', async () => {
      const { cookie, me } = await onlyAdmin()
      const refused = await send('PATCH', `/api/users/${me.id}`, cookie, { role: 'hr' })
      expect(refused.status).toBe(409)
      const second = email('second')
      const created = await send('POST', '/api/users', cookie, { email: second, role: 'admin' })
      const { user, password } = (await created.json()) as { user: Listed; password: string }
      const other = await signIn(second, password)
      const statuses = await Promise.all([
        send('PATCH', `/api/users/${user.id}`, cookie, { role: 'hr' }),
        send('PATCH', `/api/users/${me.id}`, other.cookie, { role: 'hr' }),
      ]).then((all) => all.map((r) => r.status))
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      const admins = (await list(statuses[0] === 200 ? cookie : other.cookie)).filter(
        (u) => u.role === 'admin',
      )
      expect(admins).toHaveLength(1)
    })
  })
}
