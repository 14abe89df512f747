import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { tokenRateLimit } from './rate-limit'
import {
  cookieToken,
  draftBody,
  linkView,
  openLinkOrThrow,
  storeDraft,
  submitBody,
  submitFromLink,
} from './respondent'
import { validate } from '../lib/validate'

const tokenParam = z.object({ token: z.string().max(128) })

/** A link's survey and submissions with the token in the path (API clients, open links). */
export const linksRoute = new Hono<AppEnv>()
  .use(tokenRateLimit())
  .get('/:token', validate('param', tokenParam), async (c) => {
    const { token } = c.req.valid('param')
    return c.json(await linkView(await openLinkOrThrow(c, token), token), 200)
  })
  .put('/:token/draft', validate('param', tokenParam), validate('json', draftBody), async (c) => {
    const { token } = c.req.valid('param')
    const link = await openLinkOrThrow(c, token)
    return c.json(await storeDraft(c, link, token, c.req.valid('json')), 200)
  })
  .post(
    '/:token/responses',
    validate('param', tokenParam),
    validate('json', submitBody),
    async (c) => {
      const now = new Date()
      const link = await openLinkOrThrow(c, c.req.valid('param').token, now)
      return c.json(await submitFromLink(c, link, c.req.valid('json'), now), 201)
    },
  )

/** The same for the respondent page, whose token is in the HttpOnly cookie set at /s/<token>. */
export const respondRoute = new Hono<AppEnv>()
  .use(tokenRateLimit())
  .get('/', async (c) => {
    const token = cookieToken(c)
    return c.json(await linkView(await openLinkOrThrow(c, token), token), 200)
  })
  .put('/draft', validate('json', draftBody), async (c) => {
    const token = cookieToken(c)
    const link = await openLinkOrThrow(c, token)
    return c.json(await storeDraft(c, link, token, c.req.valid('json')), 200)
  })
  .post('/responses', validate('json', submitBody), async (c) => {
    const now = new Date()
    const link = await openLinkOrThrow(c, cookieToken(c), now)
    return c.json(await submitFromLink(c, link, c.req.valid('json'), now), 201)
  })
