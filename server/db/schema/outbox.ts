import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { createdAt } from './columns'
import { invitations } from './invitations'

export const outboxKinds = [
  'invitation',
  'reminder',
  'acknowledgement',
  'thanks',
  'alert',
  'digest',
] as const
export const outboxStatuses = ['pending', 'sent', 'bounced', 'failed', 'cancelled'] as const

/**
 * One row per email to send, written in the same atomic write as its token. The raw token is
 * kept here only until the message is sent (the link must be put in the email). Senders lease
 * rows (`leaseUntil`), so a crashed sender's rows go back to the queue when the lease ends.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Null for an alert to an owner: the message goes to `toEmail` instead of an invitee.
    invitationId: text('invitation_id').references(() => invitations.id),
    alertId: text('alert_id'),
    // An owner's daily digest (kind 'digest'): the alerts it lists point at it.
    digestId: text('digest_id'),
    toEmail: text('to_email'),
    waveId: text('wave_id').notNull(),
    kind: text('kind', { enum: outboxKinds }).notNull(),
    seq: integer('seq').notNull(),
    token: text('token'),
    messageId: text('message_id').notNull(),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp' }).notNull(),
    leaseUntil: integer('lease_until', { mode: 'timestamp' }),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbox_invitation_kind_seq_idx').on(t.invitationId, t.kind, t.seq),
    // One acknowledgement and one owner email per alert, however often a response is re-checked,
    // and one email per digest. Partial: survey emails (nearly every row) have neither, and each
    // index entry is a row D1 bills (2 of the 7 a queued invitation wrote).
    uniqueIndex('outbox_alert_kind_idx')
      .on(t.alertId, t.kind)
      .where(sql`${t.alertId} is not null`),
    uniqueIndex('outbox_digest_idx')
      .on(t.digestId)
      .where(sql`${t.digestId} is not null`),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_wave_idx').on(t.waveId, t.status),
  ],
)

/** Addresses that asked for no more survey email, from any wave (RFC 8058 one-click). */
export const optOuts = sqliteTable('opt_outs', {
  email: text('email').primaryKey(),
  createdAt: createdAt(),
})
