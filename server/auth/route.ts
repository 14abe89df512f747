import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { releaseSignIn, reserveSignIn, succeedSignIn } from '../db/sign-in-throttles'
import type { AppEnv } from '../env'
import type { ErrorCode } from '../lib/errors'
import { ApiError } from '../lib/errors'
import { validate } from '../lib/validate'
import { createAuth } from './create-auth'
import { requireRole } from './require-role'
import { signInThrottlesRoute } from './sign-in-throttles-route'

const signInBody = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(128),
  rememberMe: z.boolean().optional(),
})

const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(8).max(128),
  revokeOtherSessions: z.boolean().optional(),
})

type AuthUser = { id: string; email: string; name: string; role: string }

/**
 * The part of better-auth the dashboard uses, in the app's error envelope. Other better-auth
 * endpoints (sign-up, get-session, list-sessions…) are not routed: bodies with session tokens
 * never reach page scripts, and users are only created server-side.
 */
export const authRoute = new Hono<AppEnv>()
  .post('/sign-in/email', validate('json', signInBody), async (c) => {
    const body = c.req.valid('json')
    const res = await withLockout(c, body.email, 'sign-ins', () =>
      handle(c, '/sign-in/email', body),
    )
    const { user } = (await answer(c, res)) as { user: AuthUser }
    return c.json({ user: publicUser(user) }, 200)
  })
  .post('/sign-out', async (c) => {
    await answer(c, await handle(c, '/sign-out', {}))
    return c.json({ success: true as const }, 200)
  })
  // Guessing the current password from a stolen session counts against the same lockout.
  .post('/change-password', requireRole(), validate('json', changePasswordBody), async (c) => {
    const res = await withLockout(c, c.var.user.email, 'password attempts', () =>
      handle(c, '/change-password', c.req.valid('json')),
    )
    const { user } = (await answer(c, res)) as { user: AuthUser }
    return c.json({ user: publicUser(user) }, 200)
  })
  .route('/throttles', signInThrottlesRoute)

const refusals = {
  pair: 'for this email from your address',
  account: 'for this email',
  address: 'from your address',
  all: 'on this site',
}

/**
 * Runs a password check under the sign-in throttles kept in the database (per account, per
 * account and address, per address, overall): refused while one backs off; a wrong password
 * (401 from sign-in, INVALID_PASSWORD from change-password) counts.
 */
async function withLockout<E extends AppEnv>(
  c: Context<E>,
  email: string,
  what: string,
  check: () => Promise<Response>,
) {
  const { db, clientIp } = c.var
  const reservation = await reserveSignIn(db, email, clientIp, Date.now())
  if (!reservation.allowed) {
    const wait = reservation.retryAfterSeconds
    c.header('Retry-After', String(wait))
    const after = wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`
    throw new ApiError(
      'TOO_MANY_REQUESTS',
      `Too many failed ${what} ${refusals[reservation.kind]}; try again in ${after}.`,
    )
  }
  let res: Response
  try {
    res = await check()
  } catch (err) {
    await releaseSignIn(db, reservation.keys)
    throw err
  }
  const wrongPassword =
    res.status === 401 ||
    (res.status === 400 &&
      (
        (await res
          .clone()
          .json()
          .catch(() => null)) as { code?: string } | null
      )?.code === 'INVALID_PASSWORD')
  if (res.ok) await succeedSignIn(db, email, clientIp, reservation.keys)
  else if (!wrongPassword) await releaseSignIn(db, reservation.keys)
  return res
}

const publicUser = (u: AuthUser) => ({ id: u.id, email: u.email, name: u.name, role: u.role })

/** Runs one better-auth endpoint with this request's cookies and origin, and the checked body. */
function handle<E extends AppEnv>(c: Context<E>, path: string, body: unknown) {
  const headers = new Headers(c.req.raw.headers)
  headers.delete('content-length')
  headers.set('content-type', 'application/json')
  const url = new URL(`/api/auth${path}`, c.req.url)
  const request = new Request(url, { method: 'POST', headers, body: JSON.stringify(body) })
  return createAuth(c.var.db, c.var.config).handler(request)
}

const codes: Record<number, ErrorCode> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
}

/** Passes better-auth's cookies on and returns its JSON body; its errors become ApiErrors. */
async function answer<E extends AppEnv>(c: Context<E>, res: Response): Promise<unknown> {
  for (const cookie of res.headers.getSetCookie()) c.header('Set-Cookie', cookie, { append: true })
  const body = (await res.json().catch(() => null)) as { message?: string } | null
  if (res.ok) return body
  const message = body?.message ?? `Authentication failed (${res.status})`
  if (res.status >= 500) throw new Error(`better-auth answered ${res.status}: ${message}`)
  throw new ApiError(codes[res.status] ?? 'BAD_REQUEST', message)
}
