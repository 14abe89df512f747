import { makeSignature } from 'better-auth/crypto'
import { describe, expect, test } from 'vitest'
import { sessionTokenHash } from '../../../server/auth/hashed-session-tokens'
import { sessions, settings } from '../../../server/db/schema'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

const ORIGIN = 'http://localhost:8787'
/** A session cookie value as better-auth signs it: token, dot, HMAC-SHA256 in base64. */
const signCookieValue = async (value: string, secret: string) =>
  encodeURIComponent(`${value}.${await makeSignature(value, secret)}`)
const rawToken = (cookie: string) =>
  decodeURIComponent(/csi\.session_token=([^;]+)/.exec(cookie)![1]!).split('.')[0]!

describe('sessions at rest', () => {
  test('the sessions table holds only a hash of the cookie’s token', async () => {
    const { app, store, db } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'admin')
    const token = rawToken(cookie)
    const rows = await db.select().from(sessions)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.token).toBe(sessionTokenHash(token))
    expect(JSON.stringify(rows)).not.toContain(token)
    expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(200)
  })

  test('signing a stored value with any secret, even the real one, opens no session', async () => {
    const { app, store, db, config } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'hr')
    const stored = (await db.select().from(sessions)).map((s) => s.token)
    const secrets = [config.authSecret, ...(await db.select().from(settings)).map((s) => s.value)]
    const me = (value: string) =>
      app.request('/api/me', { headers: { Cookie: `csi.session_token=${value}` } })
    // The forgery works when the raw token is known: the test would notice it stop working.
    expect((await me(await signCookieValue(rawToken(cookie), config.authSecret))).status).toBe(200)
    for (const token of stored)
      for (const secret of secrets)
        expect((await me(await signCookieValue(token, secret))).status).toBe(401)
  })

  test('a password change that ends other sessions stores its new session hashed too', async () => {
    const { app, store, db } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'manager')
    const res = await app.request('/api/auth/change-password', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        currentPassword: 'correct horse battery',
        newPassword: 'a brand new secret',
        revokeOtherSessions: true,
      }),
    })
    expect(res.status).toBe(200)
    const fresh = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    expect(rawToken(fresh)).not.toBe(rawToken(cookie))
    const rows = await db.select().from(sessions)
    expect(rows.map((r) => r.token)).toEqual([sessionTokenHash(rawToken(fresh))])
    expect((await app.request('/api/me', { headers: { Cookie: fresh } })).status).toBe(200)
    expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401)
  })

  test('sign-out deletes the stored session by its hash', async () => {
    const { app, store, db } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'manager')
    const out = await app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(out.status).toBe(200)
    expect(await db.select().from(sessions)).toEqual([])
  })
})
