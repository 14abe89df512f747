import type { BatchItem } from 'drizzle-orm/batch'

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
