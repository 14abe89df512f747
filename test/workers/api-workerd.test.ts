import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { responses } from '../../server/db/schema'
import { closeWave, createWave } from '../../server/db/waves'
import { batchAtomic } from '../../server/db/atomic'
import { atomicSuite } from '../api/atomic-suite'
import { apiSuite } from '../api/suite'
import type { ApiTarget } from '../api/target'
import { bundleWorker, distAssets, startWorker } from '../helpers/workerd'

let worker: Awaited<ReturnType<typeof startWorker>>
let target: ApiTarget
let bundlePath: string

beforeAll(async () => {
  bundlePath = await bundleWorker(mkdtempSync(join(tmpdir(), 'csi-worker-')))
  worker = await startWorker({ scriptPath: bundlePath, assets: distAssets })
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
  }
})

afterAll(async () => {
  await worker?.stop()
})

describe('API on workerd (D1)', () => apiSuite(() => target))

describe('D1 batch as the atomic seam', () =>
  atomicSuite(() => ({ db: worker.db, atomic: batchAtomic(worker.db as never) })),
)

describe('Worker bundle', () => {
  test('builds without any Node-only driver in it', async () => {
    const bundle = await readFile(bundlePath, 'utf8')
    expect(bundle.length).toBeGreaterThan(10_000)
    expect(bundle).toContain('D1')
    for (const nodeOnly of ['better-sqlite3', '@hono/node-server', 'node:fs']) {
      expect(bundle, nodeOnly).not.toContain(nodeOnly)
    }
  })
})

describe('GET /s/:token on workerd', () => {
  test('an open link serves the respondent page from the assets binding, uncached', async () => {
    const wave = await target.createWave({ surveyId: 'customer', name: 'Page' })
    const res = await target.fetch(`/s/${wave.token}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await res.text()).toContain('Loading the survey')
  })
})
