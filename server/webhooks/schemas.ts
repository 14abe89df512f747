import { z } from 'zod'
import { webhookEvents } from '../db/schema'

export const createWebhookBody = z
  .object({
    url: z
      .string({ error: 'must be an http or https URL' })
      .trim()
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL'),
    events: z
      .array(z.enum(webhookEvents, { error: `each must be one of ${webhookEvents.join(', ')}` }))
      .min(1, 'name at least one event')
      .transform((events) => [...new Set(events)]),
  })
  .strict()

export const webhookParam = z.object({ id: z.string().min(1).max(64) })
