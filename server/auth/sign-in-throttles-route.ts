import { Hono } from 'hono'
import { z } from 'zod'
import { THROTTLES, clearSignInThrottles, listSignInThrottles } from '../db/sign-in-throttles'
import type { ThrottleKind } from '../db/sign-in-throttles'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { validate } from '../lib/validate'
import { requireRole } from './require-role'

const clearBody = z
  .object({
    key: z.string().min(1).max(400).optional(),
    email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
    address: z.string().trim().min(1).max(100).optional(),
  })
  .refine((b) => [b.key, b.email, b.address].filter((v) => v !== undefined).length === 1, {
    message: 'Give exactly one of key, email or address',
  })

/** What an admin sees of the sign-in throttles, and how they lift one early. */
export const signInThrottlesRoute = new Hono<AppEnv>()
  .get('/', requireRole('admin'), async (c) => {
    const now = Date.now()
    const rows = await listSignInThrottles(c.var.db, now)
    c.header('Cache-Control', 'no-store')
    return c.json(
      {
        rules: THROTTLES,
        throttles: rows.map((r) => ({
          key: r.key,
          kind: r.key.split(':')[0] as ThrottleKind,
          failures: r.failures,
          lastFailedAt: new Date(r.lastFailedAt).toISOString(),
          blockedUntil: r.blockedUntil > now ? new Date(r.blockedUntil).toISOString() : null,
        })),
      },
      200,
    )
  })
  .post('/clear', requireRole('admin'), validate('json', clearBody), async (c) => {
    const { key, email, address } = c.req.valid('json')
    const target =
      key !== undefined ? { key } : email !== undefined ? { email } : { address: address! }
    const cleared = await clearSignInThrottles(c.var.db, target)
    if (cleared === 0)
      throw new ApiError('NOT_FOUND', `No sign-in throttle for ${Object.values(target)[0]}`)
    return c.json({ cleared }, 200)
  })
