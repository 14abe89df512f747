import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { betterAuth } from 'better-auth/minimal'
import type { Db } from '../db/client'
import { accounts, roles, sessions, users, verifications } from '../db/schema'
import type { Config } from '../env'
import { ApiError } from '../lib/errors'
import { withHashedSessionTokens } from './hashed-session-tokens'

/**
 * better-auth for one request's database. Built per request because a Worker only has its D1
 * binding per request; never keep one in a module.
 */
export function createAuth(
  db: Db,
  config: Pick<Config, 'publicUrl' | 'authSecret' | 'sessionSecret'>,
) {
  const secret = config.sessionSecret ?? config.authSecret
  // Only a Worker whose D1 could not be read for the stored secret gets here without one.
  if (!secret)
    throw new ApiError('UNAVAILABLE', 'Sign-in is unavailable right now; try again shortly.')
  return betterAuth({
    appName: 'CSI Toolkit',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret,
    database: withHashedSessionTokens(
      drizzleAdapter(db, {
        provider: 'sqlite',
        usePlural: true,
        schema: { users, sessions, accounts, verifications },
      }),
    ),
    // Users come from `csi user add` and the first-start seed only.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
    },
    user: {
      additionalFields: {
        role: { type: [...roles], required: true, defaultValue: 'manager', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      cookiePrefix: 'csi',
      useSecureCookies: config.publicUrl.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // better-auth skips its origin and CSRF checks when it thinks it runs under a test
      // runner; pin them on so tests see what production does.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    // Its limiter (even stored in the database) counts every request per address and path in
    // a fixed window: it cannot count failures per account, back off, or be listed and
    // cleared per key. The throttles in ../db/sign-in-throttles.ts do that, for ./route.ts.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: 'error' },
  })
}

export type Auth = ReturnType<typeof createAuth>
