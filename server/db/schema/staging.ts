import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

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
