import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
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

/** A body limit chosen per request; a larger body is refused before a handler reads it. */
export const bodyLimitOf = (maxSizeOf: (c: Context) => number) =>
  createMiddleware((c, next) => {
    const maxSize = maxSizeOf(c)
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError('PAYLOAD_TOO_LARGE', `Request body over ${maxSize} bytes`)
      },
    })(c, next)
  })
