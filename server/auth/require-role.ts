import { createMiddleware } from 'hono/factory'
import type { Role } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { createAuth } from './create-auth'

export type SessionUser = { id: string; email: string; role: Role }

/**
 * Lets a request through only with a session whose user has one of `roles` (any role when
 * none is given): 401 without a session, 403 with the wrong role. Sets `c.var.user`.
 */
export const requireRole = (...roles: Role[]) => {
  const middleware = createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(
    async (c, next) => {
      const auth = createAuth(c.var.db, c.var.config)
      const { headers, response: session } = await auth.api.getSession({
        headers: c.req.raw.headers,
        returnHeaders: true,
      })
      if (!session) throw new ApiError('UNAUTHORIZED', 'Sign in to use this')
      const { id, email, role } = session.user
      if (roles.length > 0 && !roles.includes(role)) {
        throw new ApiError(
          'FORBIDDEN',
          `Only ${roles.join(' or ')} users may do this; you are ${role}`,
        )
      }
      // A session past its update age is extended: pass the refreshed cookie on.
      for (const cookie of headers.getSetCookie()) c.header('Set-Cookie', cookie, { append: true })
      c.set('user', { id, email, role })
      await next()
    },
  )
  requiredRoles.set(middleware, roles)
  return middleware
}

/** The roles each requireRole middleware lets through ([]: any signed-in user), for OpenAPI. */
export const requiredRoles = new WeakMap<object, readonly Role[]>()
