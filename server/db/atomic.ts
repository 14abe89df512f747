import type { BatchItem } from 'drizzle-orm/batch'
import type { SQL } from 'drizzle-orm'

export type Statement = BatchItem<'sqlite'>

/**
 * Runs statements all-or-nothing. Shared code must not use db.transaction(async …): D1
 * rejects BEGIN and better-sqlite3 transactions must be synchronous. Node backs this with a
 * synchronous better-sqlite3 transaction, Workers with D1's batch (an implicit transaction).
 */
export type Atomic = (statements: [Statement, ...Statement[]]) => Promise<void>

/** Atomic for better-sqlite3: `transaction` is the driver's synchronous wrapper. */
export function syncTransactionAtomic(transaction: (fn: () => void) => () => void): Atomic {
  return async (statements) => {
    transaction(() => {
      for (const s of statements) (s as unknown as { run(): unknown }).run()
    })()
  }
}

/** Atomic for D1: a batch runs as one implicit transaction (D1 has no BEGIN). */
export function batchAtomic(db: {
  batch(statements: [Statement, ...Statement[]]): Promise<unknown>
}): Atomic {
  return async (statements) => {
    await db.batch(statements)
  }
}

/**
 * A hand-written SQL statement that waits for `atomic` to run it. Drizzle's `db.run(sql)` is
 * already lazy on D1 but executes at once on better-sqlite3, which would step outside the
 * transaction; the sync driver gets a thunk with the `run()` that syncTransactionAtomic calls.
 */
export function rawStatement(db: { run(query: SQL): unknown }, query: SQL): Statement {
  if ((db as { resultKind?: string }).resultKind === 'async') return db.run(query) as Statement
  return { run: () => db.run(query) } as unknown as Statement
}
