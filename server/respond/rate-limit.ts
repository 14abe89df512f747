import { lt, sql } from 'drizzle-orm'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Db } from '../db/client'
import { rateLimits } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { sha256Hex } from '../lib/sha256'
import { infoPage } from './friendly-page'
import { LINK_COOKIE } from './respondent'

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
 * How many link holders' worth of requests one address may make: an office behind one NAT
 * answering an all-staff survey is many people, each with their own link.
 */
export const ADDRESS_SHARE = 20

const encoder = new TextEncoder()

/** The link token a respondent request is for: in the path, or in the link cookie. */
function tokenOf(c: Context<AppEnv>) {
  return (
    c.req.param('token') ??
    /^\/api\/links\/([^/]+)/.exec(c.req.path)?.[1] ??
    getCookie(c, LINK_COOKIE) ??
    null
  )
}

/**
 * Limits requests on respondent-token routes per link and per client address, counted apart
 * from dashboard sign-in failures: a link gets `tokenRateLimit` requests a minute, an address
 * `ADDRESS_SHARE` times that (requests naming no link only the plain limit), so one person
 * behind a shared address cannot spend everyone else's budget. `page` answers with a small
 * HTML page instead of the JSON envelope.
 */
export function tokenRateLimit(kind: 'api' | 'page' = 'api'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limit = c.var.config.tokenRateLimit
    if (limit > 0) {
      const token = tokenOf(c)
      const now = Date.now()
      const address = await countRequest(
        c.var.db,
        `token:${c.var.clientIp}`,
        token ? limit * ADDRESS_SHARE : limit,
        now,
      )
      const link = token
        ? await countRequest(c.var.db, `link:${sha256Hex(encoder.encode(token))}`, limit, now)
        : null
      const refused = link?.over ? link : address.over ? address : null
      if (refused) {
        const { retryAfter } = refused
        c.header('Retry-After', String(retryAfter))
        const message = link?.over
          ? `Too many requests for this survey link; please try again in ${retryAfter} seconds.`
          : `Too many requests from your network; please try again in ${retryAfter} seconds.`
        if (kind === 'page') return c.html(infoPage('Please wait a moment', message), 429)
        throw new ApiError('TOO_MANY_REQUESTS', message)
      }
    }
    await next()
  }
}
