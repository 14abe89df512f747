import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { BLOCK_WIDTH } from '../../reports/layout'
import { reportingPeriods } from '../../reports/periods'
import { audiences } from '../surveys/audiences'
import { itemKinds } from '../surveys/catalogue-items'

export { audiences }
export type { Audience } from '../surveys/audiences'
export const modes = ['web', 'phone', 'face_to_face', 'postal'] as const
export type Mode = (typeof modes)[number]
export const roles = ['admin', 'manager', 'hr'] as const
export type Role = (typeof roles)[number]
export const waveStatuses = ['draft', 'open', 'closed'] as const

const createdAt = () =>
  integer('created_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`)

export const surveys = sqliteTable('surveys', {
  id: text('id').primaryKey(),
  audience: text('audience', { enum: audiences }).notNull(),
  title: text('title').notNull(),
  currentVersion: integer('current_version').notNull(),
  createdAt: createdAt(),
})

export const surveyVersions = sqliteTable(
  'survey_versions',
  {
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    checksum: text('checksum').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.version] })],
)

export const waves = sqliteTable(
  'waves',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    surveyVersion: integer('survey_version').notNull(),
    audience: text('audience', { enum: audiences }).notNull(),
    opensAt: integer('opens_at', { mode: 'timestamp' }),
    closesAt: integer('closes_at', { mode: 'timestamp' }),
    closedAt: integer('closed_at', { mode: 'timestamp' }),
    openLinkHash: text('open_link_hash'),
    // Reminders go to invitees who have neither responded nor opted out, at most this many,
    // and never sooner than this many days after the last message to them.
    remindAfterDays: integer('remind_after_days').notNull().default(3),
    maxReminders: integer('max_reminders').notNull().default(2),
    // Who follows up a low score when the contact has no owner of their own.
    ownerEmail: text('owner_email'),
    // Closing the loop: null means the default rules; [] turns alerts off for the wave.
    alertRules: text('alert_rules', { mode: 'json' }).$type<AlertCondition[]>(),
    // Responses up to this id have been checked against the rules (imports are checked after
    // they land; a crash in between is caught up by the next check).
    alertsCheckedThrough: integer('alerts_checked_through').notNull().default(0),
    // The segment columns its contact list brings (sorted), kept by each contact import so that
    // a submission's aggregate spec needs no scan of the invitations.
    contactColumns: text('contact_columns', { mode: 'json' }).$type<string[]>(),
    // A continuous wave (open for long, fed by triggers) reports per month or quarter: each
    // response carries its period as the `period` segment. Null: one pooled result.
    reportingPeriod: text('reporting_period', { enum: reportingPeriods }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('waves_open_link_hash_idx').on(t.openLinkHash)],
)

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
    // One acknowledgement and one owner email per alert, however often a response is re-checked.
    uniqueIndex('outbox_alert_kind_idx').on(t.alertId, t.kind),
    uniqueIndex('outbox_digest_idx').on(t.digestId),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_wave_idx').on(t.waveId, t.status),
  ],
)

/** Addresses that asked for no more survey email, from any wave (RFC 8058 one-click). */
export const optOuts = sqliteTable('opt_outs', {
  email: text('email').primaryKey(),
  createdAt: createdAt(),
})

/** Fixed-window request counters for token routes, in the database so every process shares them. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    window: integer('window').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.window] })],
)

/**
 * Rows of an import in progress, validated and waiting: they reach the real tables in one
 * atomic INSERT … SELECT at the end, so a failed import leaves nothing visible.
 */
export const importRows = sqliteTable(
  'import_rows',
  {
    importId: text('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    // What must be unique within an import (a contact's email, a response's respondent), so
    // duplicates are found by SQL rather than by holding a million keys in memory.
    key: text('key'),
    payload: text('payload').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.rowNo] }),
    index('import_rows_key_idx').on(t.importId, t.key),
  ],
)

export const responses = sqliteTable(
  'responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    waveId: text('wave_id')
      .notNull()
      .references(() => waves.id),
    surveyId: text('survey_id').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    audience: text('audience', { enum: audiences }).notNull(),
    mode: text('mode', { enum: modes }).notNull(),
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    segments: text('segments', { mode: 'json' }).notNull().$type<Record<string, string>>(),
    // One response per visit of an open link (or per invitation later): a retried or
    // doubled submit carries the same key and is refused by this unique index.
    submissionKey: text('submission_key').notNull(),
    // The invitation answered, for named waves; always null in anonymous (employee) waves.
    invitationId: text('invitation_id'),
    // The answers as the reports read them (reports' ratingCode: a digit per rating in the
    // survey version's order, then the segment values). Rebuilding a million responses'
    // aggregates from this takes seconds; re-deriving from `answers` is the deep-repair path.
    ratings: text('ratings').notNull().default(''),
    startedAt: integer('started_at', { mode: 'timestamp' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp' }).notNull(),
    // Anonymous waves: the release that first showed this response (its comments show from then).
    releaseSeq: integer('release_seq'),
  },
  (t) => [
    uniqueIndex('responses_wave_submission_idx').on(t.waveId, t.submissionKey),
    index('responses_wave_idx').on(t.waveId),
  ],
)

// Dashboard users, in the shape better-auth's drizzle adapter expects (usePlural: models
// `user`, `session`, `account`, `verification` map to these tables). Passwords live on the
// `credential` account, hashed by better-auth.
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`)
    .$onUpdate(() => new Date())

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
  image: text('image'),
  role: text('role', { enum: roles }).notNull().default('manager'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
)

export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
)

/**
 * Failed dashboard sign-ins per throttle key (`account:<email>`, `pair:<email>|<address>`,
 * `address:<address>`, `all`), each with its back-off. Kept in the database so every Worker
 * isolate and Node process sees the same count; apart from respondent-link limits.
 * Times are milliseconds since the epoch.
 */
export const signInThrottles = sqliteTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailedAt: integer('last_failed_at').notNull(),
  blockedUntil: integer('blocked_until').notNull(),
})

/** Small key/value settings the app makes for itself, e.g. the generated auth secret on Node. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
})

// One wave's aggregates (or a release's copy of them) in blocks: wave, group, block and
// BLOCK_WIDTH integer counters v0…v95, cells block·BLOCK_WIDTH + i of the group's layout
// (reports/layout.ts), so one response writes a few rows per group, not one per cell.
const counter = (i: number) => integer(`v${i}`).notNull().default(0)
const counters = Object.fromEntries(
  Array.from({ length: BLOCK_WIDTH }, (_, i) => [`v${i}`, counter(i)]),
) as Record<`v${number}`, ReturnType<typeof counter>>

const blockTable = (name: string) =>
  sqliteTable(
    name,
    {
      waveId: text('wave_id')
        .notNull()
        .references(() => waves.id),
      groupKey: text('group_key').notNull(),
      block: integer('block').notNull(),
      ...counters,
    },
    (t) => [primaryKey({ columns: [t.waveId, t.groupKey, t.block] })],
  )

/**
 * Report aggregates (reports/ defines the cells): integer counts, sums and cross-products per
 * wave, group (audience or audience/segment=value) and block of cells, kept up to date in the
 * same atomic write as each response so a report reads a few hundred rows at any wave size.
 */
export const aggregateBlocks = blockTable('aggregate_blocks')

// The storage before blocks: one row per (wave, group, cell key). Rows left by an older version
// are converted into blocks at start-up (legacy-aggregates.ts), after which these tables stay
// empty; a later migration drops them (once every installation has run the conversion).
const cellTable = (name: string) =>
  sqliteTable(
    name,
    {
      waveId: text('wave_id')
        .notNull()
        .references(() => waves.id),
      groupKey: text('group_key').notNull(),
      cell: text('cell').notNull(),
      value: integer('value').notNull(),
    },
    (t) => [primaryKey({ columns: [t.waveId, t.groupKey, t.cell] })],
  )
export const legacyAggregateCells = cellTable('aggregate_cells')
export const legacyReleaseCells = cellTable('release_cells')

/**
 * The released results of an anonymous (employee) wave, which is what HR and admin read: a copy
 * of its aggregates taken only when every group shown gained no answers or at least k per item,
 * or at close, so no change can be pinned on one person (SPEC §6a). One release per wave is kept.
 */
export const releases = sqliteTable('releases', {
  waveId: text('wave_id')
    .primaryKey()
    .references(() => waves.id),
  seq: integer('seq').notNull(),
  responses: integer('responses').notNull(),
  final: integer('final', { mode: 'boolean' }).notNull().default(false),
  releasedAt: integer('released_at', { mode: 'timestamp' }).notNull(),
})

export const releaseBlocks = blockTable('release_blocks')

/** One condition of a wave's alert rules: a rating at or below `max`, or a comment. */
export type AlertCondition =
  | { field: 'overall' | 'rebuy' | 'any_attribute'; max: number }
  | { field: 'attribute'; key: string; max: number }
  | { field: 'comment' }

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

/**
 * The programme's attribute catalogue (SPEC §2): one row per key, in `position` order. The
 * audience surveys are built from it, so a key means the same thing in every survey. Empty
 * until the programme saves its own; until then the API offers one read off the shipped surveys.
 */
export const catalogueItems = sqliteTable('catalogue_items', {
  key: text('key').primaryKey(),
  kind: text('kind', { enum: itemKinds }).notNull(),
  label: text('label').notNull(),
  // The label in the programme's other languages ({ "de": "Lieferung" }): survey rows get them.
  labels: text('labels', { mode: 'json' }).$type<Record<string, string>>(),
  description: text('description'),
  audiences: text('audiences', { mode: 'json' }).notNull().$type<(typeof audiences)[number][]>(),
  position: integer('position').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`),
})

/**
 * API keys for scripts and CRMs (SPEC §5.7), each scoped to a role. Only a SHA-256 of the key is
 * kept (the key is 256 random bits, so a plain hash is enough); `start` lets people tell keys apart.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    start: text('start').notNull(),
    keyHash: text('key_hash').notNull(),
    // Who made it: a user's email, or "command line".
    createdBy: text('created_by').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_key_hash_idx').on(t.keyHash)],
)

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
