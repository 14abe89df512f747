import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe } from 'vitest'
import { batchAtomic } from '../../server/db/batch-atomic'
import { createUser } from '../../server/db/users'
import type { ApiTarget } from '../api/target'
import { usersSuite } from '../api/users-suite'
import { bundleWorker, startWorker } from '../helpers/workerd'

let worker: Awaited<ReturnType<typeof startWorker>>
let target: ApiTarget

beforeAll(async () => {
  worker = await startWorker({
    scriptPath: await bundleWorker(mkdtempSync(join(tmpdir(), 'csi-worker-'))),
  })
  await worker.fetch('/api/health')
  const store = { db: worker.db, atomic: batchAtomic(worker.db as never) }
  const unused = () => Promise.reject(new Error('not used by the users suite'))
  target = {
    runtime: 'workerd',
    fetch: worker.fetch,
    createWave: unused,
    closeWave: unused,
    responses: unused,
    createUser: async (input) => {
      await createUser(store, input)
    },
    origin: 'http://localhost',
    store,
  }
})

afterAll(async () => {
  await worker?.stop()
})

describe('Users on workerd (D1)', () => usersSuite(() => target))
