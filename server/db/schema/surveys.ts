import { sql } from 'drizzle-orm'
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { audiences } from '../../surveys/audiences'
import { itemKinds } from '../../surveys/catalogue-items'
import { createdAt } from './columns'

export { audiences }
export type { Audience } from '../../surveys/audiences'

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
