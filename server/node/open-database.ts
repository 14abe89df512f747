import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { AggregateAdd } from '../db/aggregate-adds'
import { BLOCK_ADD_SQL, blockAddParams } from '../db/aggregates'
import type { Db, Store } from '../db/client'
import * as schema from '../db/schema'
import { groupCommitAtomic } from './group-commit'
import { packageRoot } from './package-root'

export const migrationsFolder = join(packageRoot, 'server/db/migrations')

/**
 * Opens (creating if needed) the embedded SQLite file and applies the committed migrations.
 * WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged response
 * survive a power cut, not only a crash.
 */
export function openDatabase(
  path: string,
  options: { verbose?: (sql: unknown) => void } = {},
): Store & { sqlite: Database.Database; close(): void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path, { verbose: options.verbose })
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder })
  return {
    db: db as unknown as Db,
    atomic: groupCommitAtomic(sqlite, { applyAdds: aggregateAdder(sqlite) }),
    sqlite,
    close: () => sqlite.close(),
  }
}

/** Writes a batch's folded adds through one statement, prepared once (after the migrations). */
function aggregateAdder(sqlite: Database.Database) {
  let add: Database.Statement | undefined
  return (adds: readonly AggregateAdd[]) => {
    add ??= sqlite.prepare(BLOCK_ADD_SQL)
    for (const a of adds) add.run(blockAddParams(a))
  }
}
