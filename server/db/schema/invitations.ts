import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { createdAt } from './columns'
import { waves } from './waves'

/**
 * A contact invited to one wave (the contact list is imported per wave). Carries no response
 * time: in anonymous (employee) waves `responded` is the only trace, so no timestamp or order
 * can be joined to the stored response. A trigger (migration 0004) refuses setting
 * `responded` twice, so one submission per invitation holds inside any atomic write.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    waveId: text('wave_id')
      .notNull()
      .references(() => waves.id),
    email: text('email').notNull(),
    name: text('name'),
    owner: text('owner'),
    // The contact's language (BCP 47, from the contact file): their emails and survey page use it.
    language: text('language'),
    segments: text('segments', { mode: 'json' }).notNull().$type<Record<string, string>>(),
    responded: integer('responded', { mode: 'boolean' }).notNull().default(false),
    // Started but not submitted (AAPOR "partial"); the saved answers live in `draft`.
    started: integer('started', { mode: 'boolean' }).notNull().default(false),
    draft: text('draft', { mode: 'json' }).$type<SavedDraft | SealedDraft>(),
    bounced: integer('bounced', { mode: 'boolean' }).notNull().default(false),
    messagesSent: integer('messages_sent').notNull().default(0),
    lastSentAt: integer('last_sent_at', { mode: 'timestamp' }),
    // A triggered invitation's key from the caller (an order id): repeated, nothing is sent.
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_wave_email_idx').on(t.waveId, t.email),
    uniqueIndex('invitations_wave_dedupe_idx').on(t.waveId, t.dedupeKey),
    index('invitations_email_idx').on(t.email),
  ],
)

export type SavedDraft = { data: Record<string, unknown>; pageNo: number }
/** An anonymous respondent's draft, readable only with their link token (respond/sealed-draft.ts). */
export type SealedDraft = { sealed: string }

/** Every emailed link (invitation and each reminder) has its own token; only hashes are kept. */
export const invitationTokens = sqliteTable(
  'invitation_tokens',
  {
    hash: text('hash').primaryKey(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => invitations.id),
  },
  (t) => [index('invitation_tokens_invitation_idx').on(t.invitationId)],
)
