import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { createdAt } from './columns'

/** Small key/value settings the app makes for itself, e.g. the generated auth secret on Node. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
})
