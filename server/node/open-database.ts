import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { syncTransactionAtomic } from '../db/atomic'
import type { Db, Store } from '../db/client'
import * as schema from '../db/schema'
import { packageRoot } from './package-root'

export const migrationsFolder = join(packageRoot, 'server/db/migrations')

/**
 * Opens (creating if needed) the embedded SQLite file and applies the committed migrations.
 * WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged response
 * survive a power cut, not only a crash.
 */
export function openDatabase(path: string): Store & { sqlite: Database.Database; close(): void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder })
  return {
    db: db as unknown as Db,
    atomic: syncTransactionAtomic((fn) => sqlite.transaction(fn)),
    sqlite,
    close: () => sqlite.close(),
  }
}
