import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { errorBody } from '../lib/errors'
import { surveys } from '../db/schema'

export const healthRoute = new Hono<AppEnv>().get('/', async (c) => {
  const runtime = c.var.config.runtime
  try {
    // A real query on a migrated table, not a ping: proves the schema is there too.
    await c.var.db.select({ n: sql<number>`count(*)` }).from(surveys)
    return c.json({ status: 'ok' as const, runtime, db: 'ok' as const }, 200)
  } catch (err) {
    let root: unknown = err
    while ((root as { cause?: unknown }).cause) root = (root as { cause: unknown }).cause
    // The driver's own message (e.g. "no such table"), never the failed SQL text.
    const reason = root instanceof Error ? root.message.split('\n')[0] : String(root)
    return c.json(
      {
        ...errorBody('UNAVAILABLE', `Database unreachable: ${reason}`),
        status: 'error',
        runtime,
        db: 'error',
      },
      503,
    )
  }
})
