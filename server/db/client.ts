import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type * as schema from './schema'

/** Driver-neutral database: better-sqlite3 ('sync') on Node, D1 ('async') on Workers. */
export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>

import type { Atomic } from './atomic'
import type { LocalStaging } from './staging'

/**
 * What every repository function gets: the database and its all-or-nothing seam; Node's CLI
 * adds its connection's own staging table for imports.
 */
export type Store = { db: Db; atomic: Atomic; localStaging?: LocalStaging }
