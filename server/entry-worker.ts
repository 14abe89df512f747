import type { D1Database } from '@cloudflare/workers-types'
import { drizzle } from 'drizzle-orm/d1'
import { batchAtomic } from './db/batch-atomic'
import type { Db, Store } from './db/client'
import * as schema from './db/schema'
import { workerHandlers } from './worker/handlers'

function storeOf(d1: D1Database | undefined): Store {
  if (!d1) throw new Error('The D1 binding "DB" is missing: see wrangler.toml')
  const db = drizzle(d1, { schema })
  return { db: db as unknown as Db, atomic: batchAtomic(db) }
}

export default workerHandlers(storeOf)
