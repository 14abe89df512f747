import type { BatchItem } from 'drizzle-orm/batch'
import type { SQL } from 'drizzle-orm'
import type { AggregateAdd } from './aggregate-adds'

export type Statement = BatchItem<'sqlite'>

/**
 * Runs statements, and then adds to aggregate counters, all-or-nothing; settles only once that
 * write is durable. Shared code must not use db.transaction(async …): D1 rejects BEGIN and
 * better-sqlite3 transactions must be synchronous. Node backs this with a group commit (see
 * server/node/group-commit.ts), Workers with D1's batch (an implicit transaction).
 */
export type Atomic = (
  statements: [Statement, ...Statement[]],
  adds?: readonly AggregateAdd[],
) => Promise<void>

/**
 * A hand-written SQL statement that waits for `atomic` to run it. Drizzle's `db.run(sql)`
 * executes at once on better-sqlite3 (outside the transaction), and on D1 gives an object its
 * own `batch` cannot bind parameters of; so: a thunk for the sync driver, and for D1 a prepared
 * query made by the session, which is what `batch` expects of its items.
 */
export function rawStatement(db: { run(query: SQL): unknown }, query: SQL): Statement {
  const internals = db as unknown as {
    resultKind?: string
    session: {
      prepareQuery(q: unknown, fields: undefined, method: 'run', arrayMode: false): unknown
    }
    dialect: { sqlToQuery(q: SQL): unknown }
  }
  if (internals.resultKind === 'async') {
    const prepared = internals.session.prepareQuery(
      internals.dialect.sqlToQuery(query),
      undefined,
      'run',
      false,
    )
    return { _prepare: () => prepared } as unknown as Statement
  }
  return { run: () => db.run(query) } as unknown as Statement
}
