import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type * as schema from './schema'

/** Driver-neutral database: better-sqlite3 ('sync') on Node, D1 ('async') on Workers. */
export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>

import type { Atomic } from './atomic'

/**
 * What every repository function gets: the database and its all-or-nothing seam; Node's CLI
 * adds its connection's own staging table for imports.
 */
export type Store = { db: Db; atomic: Atomic; localStaging?: LocalStaging }

/**
 * A staged row's values, in the order its import's final write reads them back with
 * `Staging.cell(i)`: typed values, so that write copies columns instead of taking a JSON text
 * apart once per value (on SQLite, half the cost of moving a million rows).
 */
export type StagedCells = readonly (string | number | null)[]

/**
 * A connection's own staging table (the TEMP table of staging.ts) that the sync driver fills
 * through one prepared statement: no JSON packing, no statement built per chunk, and no write to
 * a shared table (a transaction that touches only TEMP takes no lock on the database), so the
 * server keeps writing beside a running import. Node's CLI provides it (server/node/).
 */
export type LocalStaging = {
  /** Writes rows (parallel arrays) at once, in one transaction of the TEMP database only. */
  write(
    importId: string,
    rowNos: readonly number[],
    keys: readonly (string | null)[],
    cells: readonly StagedCells[],
  ): void
}
