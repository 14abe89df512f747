import { createMiddleware } from 'hono/factory'
import type { Role } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { apiKeyCaller } from './api-key-caller'
import { createAuth } from './create-auth'
import type { SessionUser } from './session-user'

export type { SessionUser }

/**
 * Lets a request through only with a session or an API key (`Authorization: Bearer`) whose role
 * is one of `roles` (any role when none is given): 401 without either, 403 with the wrong role.
 * Sets `c.var.user`; per-object checks then treat both alike.
 */
export const requireRole = (...roles: Role[]) => {
  const middleware = createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(
    async (c, next) => {
      const keyCaller = await apiKeyCaller(c)
      if (keyCaller) {
        assertRole(roles, keyCaller.role)
        c.set('user', keyCaller)
        return next()
      }
      const auth = createAuth(c.var.db, c.var.config)
      const { headers, response: session } = await auth.api.getSession({
        headers: c.req.raw.headers,
        returnHeaders: true,
      })
      if (!session) throw new ApiError('UNAUTHORIZED', 'Sign in to use this')
      const { id, email, role } = session.user
      assertRole(roles, role)
      // A session past its update age is extended: pass the refreshed cookie on.
      for (const cookie of headers.getSetCookie()) c.header('Set-Cookie', cookie, { append: true })
      c.set('user', { id, email, role })
      await next()
    },
  )
  requiredRoles.set(middleware, roles)
  return middleware
}

function assertRole(roles: readonly Role[], role: Role) {
  if (roles.length > 0 && !roles.includes(role))
    throw new ApiError('FORBIDDEN', `Only ${roles.join(' or ')} users may do this; you are ${role}`)
}

/** The roles each requireRole middleware lets through ([]: any signed-in user), for OpenAPI. */
export const requiredRoles = new WeakMap<object, readonly Role[]>()
