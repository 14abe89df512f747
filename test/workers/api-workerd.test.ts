import type { D1Database } from '@cloudflare/workers-types'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { responses, settings } from '../../server/db/schema'
import { createUser } from '../../server/db/users'
import { closeWave, createWave } from '../../server/db/waves'
import { batchAtomic } from '../../server/db/batch-atomic'
import { atomicSuite } from '../api/atomic-suite'
import { anonymitySuite } from '../api/anonymity-suite'
import { periodSuite } from '../api/period-suite'
import { aggregateStorageSuite } from '../api/aggregate-storage-suite'
import { invitationSuite } from '../api/invitation-suite'
import { apiSuite, authSuite } from '../api/suite'
import { surveysSuite } from '../api/surveys-suite'
import { catalogueSuite } from '../api/catalogue-suite'
import type { ApiTarget } from '../api/target'
import { bundleWorker, distAssets, startWorker } from '../helpers/workerd'

let worker: Awaited<ReturnType<typeof startWorker>>
let target: ApiTarget
let bundlePath: string
let d1: D1Database

beforeAll(async () => {
  bundlePath = await bundleWorker(mkdtempSync(join(tmpdir(), 'csi-worker-')))
  worker = await startWorker({ scriptPath: bundlePath, assets: distAssets })
  d1 = (await worker.mf.getD1Database('DB')) as unknown as D1Database
  // The first request seeds the shipped surveys, as in production.
  await worker.fetch('/api/health')
  const { db } = worker
  target = {
    runtime: 'workerd',
    fetch: worker.fetch,
    createWave: async (input) => {
      const { wave, openLinkToken } = await createWave(db, { ...input, openLink: true })
      return { id: wave.id, token: openLinkToken! }
    },
    closeWave: (id) => closeWave(db, id, new Date()),
    responses: (waveId) => db.select().from(responses).where(eq(responses.waveId, waveId)),
    createUser: async (input) => {
      await createUser({ db, atomic: batchAtomic(db as never) }, input)
    },
    // No PUBLIC_URL binding: the Worker takes the request's origin.
    origin: 'http://localhost',
    store: { db, atomic: batchAtomic(db as never) },
  }
})

afterAll(async () => {
  await worker?.stop()
})

describe('API on workerd (D1)', () => apiSuite(() => target))
describe('Sign-in on workerd (D1)', () => authSuite(() => target))
describe('Employee anonymity on workerd (D1)', () => anonymitySuite(() => target))
describe('Continuous waves on workerd (D1)', () => periodSuite(() => target))
describe('Surveys on workerd (D1)', () => surveysSuite(() => target))
describe('Catalogue on workerd (D1)', () => catalogueSuite(() => target))
describe('Storage cost on workerd (D1)', () =>
  aggregateStorageSuite(
    () => target,
    () => d1,
  ))

describe('D1 batch as the atomic seam', () =>
  atomicSuite(() => ({ db: worker.db, atomic: batchAtomic(worker.db as never) })))

describe('Worker bundle', () => {
  test('builds without any Node-only driver in it', async () => {
    const bundle = await readFile(bundlePath, 'utf8')
    expect(bundle.length).toBeGreaterThan(10_000)
    expect(bundle).toContain('D1')
    // Module specifiers and bundled module paths, not mere mentions (better-auth's telemetry
    // names "better-sqlite3" in a lookup table).
    const specifiers = [
      ...bundle.matchAll(
        /(?:\bfrom\s*|\b(?:import|require)\s*\((?:\s|\/\*[^]*?\*\/)*)["']([^"']+)["']/g,
      ),
    ].map((m) => m[1]!)
    for (const nodeOnly of ['better-sqlite3', '@hono/node-server', 'drizzle-orm/better-sqlite3']) {
      expect(specifiers, nodeOnly).not.toContain(nodeOnly)
      expect(bundle, nodeOnly).not.toContain(`// node_modules/${nodeOnly}/`)
    }
    // better-auth needs these two, through the nodejs_compat flag (wrangler.toml); nothing else from Node.
    expect([...new Set(specifiers.filter((s) => s.startsWith('node:')))].sort()).toEqual([
      'node:async_hooks',
      'node:crypto',
    ])
  })
})

describe('GET /s/:token on workerd', () => {
  test('an open link is exchanged for a cookie, then serves the respondent page from the assets binding, uncached', async () => {
    const wave = await target.createWave({ surveyId: 'customer', name: 'Page' })
    const exchanged = await target.fetch(`/s/${wave.token}`, { redirect: 'manual' })
    expect(exchanged.status).toBe(303)
    expect(exchanged.headers.get('location')).toBe('/s/')
    const cookie = exchanged.headers.get('set-cookie')!.split(';')[0]!
    expect(cookie).toBe(`csi_link=${wave.token}`)
    const res = await target.fetch('/s/', { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await res.text()).toContain('Loading the survey')
  })
})

describe('AUTH_SECRET on workerd', () => {
  test('without the secret binding, one is generated once and kept in D1', async () => {
    await target.fetch('/api/health')
    const rows = await worker.db.select().from(settings).where(eq(settings.key, 'auth_secret'))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})
describe('Invitations on workerd (D1)', () => invitationSuite(() => target))
