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
    const refuse = () => {
      throw new ApiError('PAYLOAD_TOO_LARGE', `Request body over ${maxSize} bytes`)
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    // A declared length is judged from the header, as hono's bodyLimit does, but without opening
    // the body as a web stream first: on Node that would cost c.req.json() its fast path.
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number.parseInt(length, 10) > maxSize ? refuse() : next()
    return bodyLimit({ maxSize, onError: refuse })(c, next)
  })
