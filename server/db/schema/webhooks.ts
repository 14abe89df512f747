import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { createdAt } from './columns'

export const webhookEvents = [
  'response.submitted',
  'alert.opened',
  'alert.updated',
  'wave.closed',
  'invitation.bounced',
  'invitation.opted_out',
] as const
export type WebhookEvent = (typeof webhookEvents)[number]

/** Where events are posted, signed with the endpoint's own secret (Standard Webhooks). */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  events: text('events', { mode: 'json' }).notNull().$type<WebhookEvent[]>(),
  secret: text('secret').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  // Failed deliveries in a row; at the limit the endpoint is disabled, with the reason.
  failures: integer('failures').notNull().default(0),
  disabledReason: text('disabled_reason'),
  createdAt: createdAt(),
})

export const webhookStatuses = ['pending', 'delivered', 'failed'] as const

/**
 * One event for one endpoint: the outbox of webhooks. `id` is the `webhook-id` header, the same
 * on every retry so receivers can dedupe; the body is kept as sent so retries sign the same bytes.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event', { enum: webhookEvents }).notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: webhookStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp' }).notNull(),
    leaseUntil: integer('lease_until', { mode: 'timestamp' }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
  ],
)
