import { sql } from 'drizzle-orm'
import { integer } from 'drizzle-orm/sqlite-core'

// Column helpers shared by the schema files; not re-exported by the barrel (index.ts).

export const createdAt = () =>
  integer('created_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`)

export const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`)
    .$onUpdate(() => new Date())
