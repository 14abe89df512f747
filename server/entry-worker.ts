import { drizzle } from 'drizzle-orm/d1'
import type { Context } from 'hono'
import { createApp } from './app'
import { batchAtomic } from './db/atomic'
import type { Db, Store } from './db/client'
import * as schema from './db/schema'
import { seedDatabase } from './db/seed'
import { ensureAuthSecret } from './db/settings'
import { DEFAULT_TOKEN_RATE_LIMIT, type AppEnv } from './env'
import { shippedSurveys } from './surveys'

const BODY_LIMIT = 256 * 1024

function d1Store(c: Context<AppEnv>): Store {
  if (!c.env.DB) throw new Error('The D1 binding "DB" is missing: see wrangler.toml')
  const db = drizzle(c.env.DB, { schema })
  return { db: db as unknown as Db, atomic: batchAtomic(db) }
}

// Migrations are applied by `wrangler d1 migrations apply`; the shipped surveys are loaded
// by the first request each isolate serves (idempotent: unchanged files are skipped), and
// the first admin from the ADMIN_EMAIL / ADMIN_PASSWORD secrets when both are set.
let seeded: Promise<unknown> | null = null
// Sessions are signed with the AUTH_SECRET secret; without it, with one generated once and
// kept in D1 (as on Node), read once per isolate.
let storedSecret: Promise<string> | null = null

const app = createApp({
  store: d1Store,
  config: (c) => ({
    runtime: 'workerd',
    publicUrl: c.env.PUBLIC_URL ?? new URL(c.req.url).origin,
    bodyLimit: BODY_LIMIT,
    authSecret: c.env.AUTH_SECRET ?? '',
    tokenRateLimit: rateLimitOf(c.env.TOKEN_RATE_LIMIT),
  }),
  clientIp: (c) => c.req.header('CF-Connecting-IP'),
  // No mailer here yet: invitations and reminders queued from the dashboard wait in the D1
  // outbox for the Worker's sender (Cloudflare email + queues, a separate change) or for
  // `csi invite` run against the same database; the API answers `sending: false`.
  background: (c, task) => c.executionCtx.waitUntil(task),
  asset: async (c, path) => {
    if (!c.env.ASSETS) return null
    const res = await c.env.ASSETS.fetch(new URL(path, c.req.url).toString())
    return res.ok ? (res as unknown as Response) : null
  },
})

function rateLimitOf(value: string | undefined) {
  const n = Number(value)
  return value !== undefined && Number.isInteger(n) && n >= 0 ? n : DEFAULT_TOKEN_RATE_LIMIT
}

export default {
  async fetch(request: Request, env: AppEnv['Bindings'], ctx: unknown) {
    if (env.DB && !seeded) {
      const store = d1Store({ env } as Context<AppEnv>)
      seeded = seedDatabase(store, {
        surveys: shippedSurveys,
        adminEmail: env.ADMIN_EMAIL,
        adminPassword: env.ADMIN_PASSWORD,
      }).catch((err) => {
        seeded = null
        console.error('Seeding failed', err)
      })
    }
    await seeded
    if (env.DB && !env.AUTH_SECRET && !storedSecret) {
      storedSecret = ensureAuthSecret(d1Store({ env } as Context<AppEnv>).db).catch((err) => {
        storedSecret = null
        console.error('Reading the stored auth secret failed', err)
        return ''
      })
    }
    const authSecret = env.AUTH_SECRET ?? (await storedSecret) ?? ''
    return app.fetch(request, { ...env, AUTH_SECRET: authSecret }, ctx as never)
  },
}
