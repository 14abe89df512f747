import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { audiences } from '../../surveys/audiences'
import { waves } from './waves'

export const modes = ['web', 'phone', 'face_to_face', 'postal'] as const
export type Mode = (typeof modes)[number]

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
