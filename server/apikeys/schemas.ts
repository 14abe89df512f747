import { z } from 'zod'
import { roles } from '../db/schema'
import { wholeNumber } from '../lib/validate'

export const createApiKeyBody = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    role: z.enum(roles, { error: `must be one of ${roles.join(', ')}` }),
    // Days from now; absent, the key lasts until revoked.
    expiresInDays: wholeNumber(1, 3650).optional(),
  })
  .strict()

export const apiKeyParam = z.object({ id: z.string().min(1).max(64) })
