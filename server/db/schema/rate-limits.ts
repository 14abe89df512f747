import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

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
