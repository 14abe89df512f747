import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { createdAt, updatedAt } from './columns'
import { responses } from './responses'
import { waves } from './waves'

export const alertStatuses = ['open', 'in_progress', 'resolved'] as const
export type AlertStatus = (typeof alertStatuses)[number]

/**
 * A follow-up item for a low-score response (closing the loop). One per response at most: the
 * unique index makes re-checking a response (retry, re-run, restart) a no-op.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    waveId: text('wave_id')
      .notNull()
      .references(() => waves.id),
    responseId: integer('response_id')
      .notNull()
      .references(() => responses.id),
    invitationId: text('invitation_id'),
    contactEmail: text('contact_email'),
    contactName: text('contact_name'),
    ownerEmail: text('owner_email'),
    reasons: text('reasons', { mode: 'json' }).notNull().$type<string[]>(),
    // The owner hears of it in their next daily digest (set when opened), not in its own email.
    viaDigest: integer('via_digest', { mode: 'boolean' }).notNull().default(false),
    // The digest that listed it; null while it waits for one.
    digestId: text('digest_id'),
    status: text('status', { enum: alertStatuses }).notNull().default('open'),
    firstActionAt: integer('first_action_at', { mode: 'timestamp' }),
    resolvedAt: integer('resolved_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('alerts_response_idx').on(t.responseId),
    index('alerts_wave_status_idx').on(t.waveId, t.status),
    index('alerts_owner_status_idx').on(t.ownerEmail, t.status),
    // The waiting ones first: every scheduled run asks who has any, without reading the rest.
    index('alerts_waiting_idx').on(t.viaDigest, t.digestId, t.ownerEmail),
  ],
)

/**
 * An owner's daily digest of alerts: at most one per owner and UTC day (the unique index), so
 * two scheduled runs racing queue one email.
 */
export const digests = sqliteTable(
  'digests',
  {
    id: text('id').primaryKey(),
    ownerEmail: text('owner_email').notNull(),
    /** The UTC day, YYYY-MM-DD. */
    day: text('day').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('digests_owner_day_idx').on(t.ownerEmail, t.day)],
)

/** The follow-up's history: notes and status changes, who and when. */
export const alertNotes = sqliteTable(
  'alert_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    alertId: text('alert_id')
      .notNull()
      .references(() => alerts.id),
    authorEmail: text('author_email').notNull(),
    text: text('text'),
    statusFrom: text('status_from', { enum: alertStatuses }),
    statusTo: text('status_to', { enum: alertStatuses }),
    createdAt: createdAt(),
  },
  (t) => [index('alert_notes_alert_idx').on(t.alertId)],
)
