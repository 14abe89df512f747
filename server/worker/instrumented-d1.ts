import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'

/** D1 calls (round trips) and the statements they carried, for the queue consumer's log line. */
export type D1Counts = { calls: number; statements: number; retries: number }

// Errors Cloudflare documents as transient: the statement may or may not have run, and the
// same call can simply be made again.
const transient =
  /network connection lost|object to be reset|code was updated|overloaded|transient issue|internal error|timed? ?out/i

export function isTransientD1Error(err: unknown) {
  return transient.test(String((err as Error)?.message ?? err))
}

type Options = {
  counts: D1Counts
  /** Extra attempts on a transient error; only for code whose writes are safe to repeat. */
  retries: number
  sleep?: (ms: number) => Promise<void>
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function call<T>(o: Options, statements: number, run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    o.counts.calls++
    o.counts.statements += statements
    try {
      return await run()
    } catch (err) {
      if (attempt >= o.retries || !isTransientD1Error(err)) throw err
      o.counts.retries++
      await (o.sleep ?? pause)(100 * 2 ** attempt)
    }
  }
}

const real = new WeakMap<object, D1PreparedStatement>()

function statement(stmt: D1PreparedStatement, o: Options): D1PreparedStatement {
  const wrapped = {
    bind: (...values: unknown[]) => statement(stmt.bind(...values), o),
    run: () => call(o, 1, () => stmt.run()),
    all: () => call(o, 1, () => stmt.all()),
    first: (column?: string) => call(o, 1, () => stmt.first(column as string)),
    raw: (options?: { columnNames?: boolean }) =>
      call(o, 1, () => stmt.raw(options as { columnNames: true })),
  }
  real.set(wrapped, stmt)
  return wrapped as unknown as D1PreparedStatement
}

/**
 * The D1 binding, counting every call and (when `retries` > 0) repeating a call that failed
 * with a transient error. Used by the queue consumer and the cron job, whose writes are written
 * to be repeatable: leases, "sent" marks guarded by status, absolute attempt counts, inserts
 * refused by unique indexes. Request handlers get the plain binding.
 */
export function instrumentedD1(db: D1Database, o: Options): D1Database {
  return {
    prepare: (query: string) => statement(db.prepare(query), o),
    batch: (statements: D1PreparedStatement[]) =>
      call(o, statements.length, () => db.batch(statements.map((s) => real.get(s as object) ?? s))),
    exec: (query: string) => call(o, 1, () => db.exec(query)),
    dump: () => db.dump(),
    withSession: (...args: Parameters<D1Database['withSession']>) => db.withSession(...args),
  } as unknown as D1Database
}
