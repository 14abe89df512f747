import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { API_KEY_RATE_LIMIT } from '../../../server/auth/api-key-caller'
import { createApiKey } from '../../../server/db/api-keys'
import { apiKeys } from '../../../server/db/schema'
import { hashToken } from '../../../server/lib/tokens'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

type App = Awaited<ReturnType<typeof makeTestApp>>['app']
const origin = 'http://localhost:8787'
const json = (cookie: string, body: unknown) => ({
  method: 'POST',
  headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})
const bearer = (key: string) => ({ headers: { Authorization: `Bearer ${key}` } })
const me = (app: App, key: string) => app.request('/api/me', bearer(key))

describe('POST /api/apikeys', () => {
  test('shows the key once, stores only its hash, and the key then works as its role', async () => {
    const { app, db, store } = await makeTestApp()
    const admin = await signedInAs(app, store, 'admin')
    const res = await app.request('/api/apikeys', json(admin, { name: 'CRM', role: 'manager' }))
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const { key, apiKey } = (await res.json()) as { key: string; apiKey: { id: string } }
    expect(key).toMatch(/^csi_[A-Za-z0-9_-]{43}$/)
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id))
    expect(row!.keyHash).toBe(await hashToken(key))
    expect(JSON.stringify(row)).not.toContain(key.slice(10))
    // Listing never shows the key again.
    const list = await app.request('/api/apikeys', { headers: { Cookie: admin } })
    const listed = await list.text()
    expect(listed).toContain(apiKey.id)
    expect(listed).not.toContain(key)

    const who = await me(app, key)
    expect(who.status).toBe(200)
    expect(await who.json()).toMatchObject({ user: { role: 'manager', apiKeyId: apiKey.id } })
    const [used] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id))
    expect(used!.lastUsedAt).toBeInstanceOf(Date)
    // A manager key is refused where managers are.
    expect((await app.request('/api/users', bearer(key))).status).toBe(403)
  })

  test('a role its creator may not grant is refused, naming the field', async () => {
    const { app, store } = await makeTestApp()
    const manager = await signedInAs(app, store, 'manager')
    const res = await app.request('/api/apikeys', json(manager, { name: 'x', role: 'admin' }))
    expect(res.status).toBe(403)
    const body = (await res.json()) as { error: { message: string; issues: { path: string }[] } }
    expect(body.error.message).toMatch(/^role: /)
    expect(body.error.issues[0]!.path).toBe('role')
    const own = await app.request('/api/apikeys', json(manager, { name: 'x', role: 'manager' }))
    expect(own.status).toBe(201)
    const bad = await app.request('/api/apikeys', json(manager, { name: 'x', role: 'boss' }))
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('role')
  })

  test('a key cannot make or revoke keys', async () => {
    const { app, db } = await makeTestApp()
    const { key } = await createApiKey(db, {
      name: 'a',
      role: 'admin',
      createdBy: 'x',
      expiresAt: null,
    })
    const res = await app.request('/api/apikeys', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'b', role: 'admin' }),
    })
    expect(res.status).toBe(403)
  })
})

describe('Authorization: Bearer', () => {
  test('a revoked, an expired and an unknown key are refused, each saying why', async () => {
    const { app, db, store } = await makeTestApp()
    const admin = await signedInAs(app, store, 'admin')
    const make = (expiresAt: Date | null) =>
      createApiKey(db, { name: 'k', role: 'admin', createdBy: 'x', expiresAt })
    const revoked = await make(null)
    expect((await me(app, revoked.key)).status).toBe(200)
    const del = await app.request(`/api/apikeys/${revoked.apiKey.id}`, {
      method: 'DELETE',
      headers: { Cookie: admin, Origin: origin },
    })
    expect(del.status).toBe(200)
    const afterRevoke = await me(app, revoked.key)
    expect(afterRevoke.status).toBe(401)
    expect(await afterRevoke.text()).toContain('revoked')

    const expired = await make(new Date(Date.now() - 1000))
    const afterExpiry = await me(app, expired.key)
    expect(afterExpiry.status).toBe(401)
    expect(await afterExpiry.text()).toContain('expired')

    const unknown = await me(app, `csi_${'A'.repeat(43)}`)
    expect(unknown.status).toBe(401)
    expect(await unknown.text()).toContain('not recognised')
    // A bearer token never falls back to the session cookie beside it.
    const both = await app.request('/api/me', {
      headers: { Cookie: admin, Authorization: `Bearer ${revoked.key}` },
    })
    expect(both.status).toBe(401)
  })

  test(`a key has its own rate limit: request ${API_KEY_RATE_LIMIT + 1} in a minute gets 429`, async () => {
    const { app, db } = await makeTestApp()
    const make = () => createApiKey(db, { name: 'k', role: 'hr', createdBy: 'x', expiresAt: null })
    const busy = await make()
    const quiet = await make()
    let statuses: number[] = []
    let last: Response | undefined
    // One minute window: if the minute turns mid-way the count restarts, so try again.
    for (let attempt = 0; attempt < 2; attempt++) {
      statuses = []
      const minute = Math.floor(Date.now() / 60_000)
      for (let i = 0; i <= API_KEY_RATE_LIMIT; i++) {
        last = await me(app, busy.key)
        statuses.push(last.status)
      }
      if (Math.floor(Date.now() / 60_000) === minute) break
    }
    expect(statuses.slice(0, API_KEY_RATE_LIMIT).every((s) => s === 200)).toBe(true)
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another key is counted apart.
    expect((await me(app, quiet.key)).status).toBe(200)
  })
})
