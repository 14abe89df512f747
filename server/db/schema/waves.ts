import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { reportingPeriods } from '../../../reports/periods'
import { audiences } from '../../surveys/audiences'
import { createdAt } from './columns'
import { surveys } from './surveys'

/** One condition of a wave's alert rules: a rating at or below `max`, or a comment. */
export type AlertCondition =
  | { field: 'overall' | 'rebuy' | 'any_attribute'; max: number }
  | { field: 'attribute'; key: string; max: number }
  | { field: 'comment' }

export const waveStatuses = ['draft', 'open', 'closed'] as const

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
