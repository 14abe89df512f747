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
  const db = drizzle(withStatementCache(sqlite), { schema })
  migrateOnce(() => migrate(db, { migrationsFolder }))
  return {
    db: db as unknown as Db,
    atomic: groupCommitAtomic(sqlite, { applyAdds: aggregateAdder(sqlite) }),
    sqlite,
    close: () => sqlite.close(),
  }
}

/**
 * Two processes opening a new file at once (the server and a `csi` command) both read "nothing
 * applied"; the second waits for the first's transaction, then fails on a table that now exists.
 * Reading the applied migrations again then finds them all, so one more try is a no-op.
 */
function migrateOnce(run: () => void) {
  try {
    run()
  } catch {
    run()
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

/**
 * The connection as drizzle sees it, with `prepare` answered from a cache by SQL text: drizzle
 * prepares every query it runs, and compiling the same SQL again is a large share of a request's
 * time. Drizzle runs a one-time query at once, so a statement is never used by two queries at the
 * same time; it resets the result mode each time (drizzle turns `raw` on where it wants arrays).
 */
function withStatementCache(sqlite: Database.Database, size = 500): Database.Database {
  const cache = new Map<string, Database.Statement>()
  const prepare = (source: string) => {
    let stmt = cache.get(source)
    if (stmt) {
      // Most recently used last, so the oldest entry is the first one dropped.
      cache.delete(source)
      if (stmt.reader) stmt.raw(false)
    } else {
      stmt = sqlite.prepare(source)
      if (cache.size >= size) cache.delete(cache.keys().next().value!)
    }
    cache.set(source, stmt)
    return stmt
  }
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') return prepare
      const value = Reflect.get(target, key, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
