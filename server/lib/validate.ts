import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import { z, type ZodType } from 'zod'
import { ApiError } from './errors'

/**
 * The schema behind each validator middleware, so the OpenAPI description (server/openapi/) is
 * made from the very schemas that check requests.
 */
export const validatorSchemas = new WeakMap<
  object,
  { target: keyof ValidationTargets; schema: ZodType }
>()

/** zValidator whose failures become the one error envelope, each issue naming its field. */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) => {
  const middleware = zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || target,
        message: i.message,
      }))
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      throw new ApiError('BAD_REQUEST', `Invalid ${target}: ${summary}`, issues)
    }
  })
  validatorSchemas.set(middleware, { target, schema })
  return middleware
}

/** `:id` of a wave in every `/api/waves/:id/…` route. */
export const waveParam = z.object({ id: z.string().min(1).max(64) })

/** Actions without options (close, invite) still take a JSON object: `{}`. */
export const emptyBody = z.object({}).strict()

export const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`
  return z.number({ error }).int(error).min(min, error).max(max, error)
}
