import { lt, sql } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import type { Db } from '../db/client'
import { rateLimits } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'

const WINDOW_MS = 60_000

/**
 * Counts a request against `key` in the current one-minute window and says whether it is over
 * `limit`. The counter lives in the database, so every Node process and Worker isolate shares it.
 */
export async function countRequest(db: Db, key: string, limit: number, now: number) {
  const window = Math.floor(now / WINDOW_MS)
  const [row] = await db
    .insert(rateLimits)
    .values({ key, window, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.window],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count })
  // Old windows are dead weight; sweeping on a small share of requests keeps the table tiny.
  if (Math.random() < 0.01) await db.delete(rateLimits).where(lt(rateLimits.window, window - 1))
  const retryAfter = Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)
  return { over: (row?.count ?? 0) > limit, retryAfter }
}

/**
 * Limits requests on respondent-token routes per client address, counted apart from dashboard
 * sign-in failures. `page` answers with a small HTML page instead of the JSON envelope.
 */
export function tokenRateLimit(kind: 'api' | 'page' = 'api'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limit = c.var.config.tokenRateLimit
    if (limit > 0) {
      const { over, retryAfter } = await countRequest(
        c.var.db,
        `token:${c.var.clientIp}`,
        limit,
        Date.now(),
      )
      if (over) {
        c.header('Retry-After', String(retryAfter))
        const message = `Too many requests from your network; please try again in ${retryAfter} seconds.`
        if (kind === 'page') return c.html(tooManyPage(message), 429)
        throw new ApiError('TOO_MANY_REQUESTS', message)
      }
    }
    await next()
  }
}

const tooManyPage = (message: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Please wait · CSI Toolkit</title></head><body style="font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:28rem;padding:0 1rem"><h1 style="font-size:1.35rem">Please wait a moment</h1><p>${message}</p></body></html>`
