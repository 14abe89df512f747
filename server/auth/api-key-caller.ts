import type { Context } from 'hono'
import { checkApiKey, overKeyRateLimit } from '../db/api-keys'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import type { SessionUser } from './session-user'

/** Requests per minute per API key: a CRM's bursts pass, a runaway loop does not. */
export const API_KEY_RATE_LIMIT = 600

const refusals = {
  unknown: 'This API key is not recognised',
  revoked: 'This API key has been revoked',
  expired: 'This API key has expired',
} as const

/**
 * The caller behind `Authorization: Bearer <key>`, or null when the request carries no bearer
 * token (then the session cookie decides). A bearer token that is not a usable key is refused
 * outright rather than falling back to a cookie.
 */
export async function apiKeyCaller<E extends AppEnv>(c: Context<E>): Promise<SessionUser | null> {
  const header = c.req.header('Authorization')
  if (!header) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match) throw new ApiError('UNAUTHORIZED', 'Authorization: expected "Bearer <api key>"')
  const now = new Date()
  const check = await checkApiKey(c.var.db, match[1]!, now)
  if (!check.ok) throw new ApiError('UNAUTHORIZED', refusals[check.reason])
  const { id, name, role } = check.apiKey
  const { over, retryAfter } = await overKeyRateLimit(c.var.db, id, API_KEY_RATE_LIMIT, +now)
  if (over) {
    c.header('Retry-After', String(retryAfter))
    throw new ApiError(
      'TOO_MANY_REQUESTS',
      `API key ${id} is over ${API_KEY_RATE_LIMIT} requests a minute; try again in ${retryAfter} seconds.`,
    )
  }
  return { id: `apikey:${id}`, email: `API key "${name}"`, role, apiKeyId: id }
}
