import { createMiddleware } from 'hono/factory'
import { ApiError } from './errors'

/** JSON APIs accept only JSON: a form post from another origin never reaches a handler. */
export const requireJson = createMiddleware(async (c, next) => {
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
    const type = c.req.header('content-type') ?? ''
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type must be application/json, got "${type || 'none'}"`,
      )
    }
  }
  await next()
})
