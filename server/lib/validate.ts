import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { ApiError } from './errors'

/** zValidator whose failures become the one error envelope, each issue naming its field. */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || target,
        message: i.message,
      }))
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      throw new ApiError('BAD_REQUEST', `Invalid ${target}: ${summary}`, issues)
    }
  })
