import type Database from 'better-sqlite3'
import { foldAdds, type AggregateAdd } from '../db/aggregate-adds'
import type { Atomic, Statement } from '../db/atomic'

type Member = {
  statements: readonly Statement[]
  adds: readonly AggregateAdd[]
  resolve: () => void
  reject: (err: unknown) => void
}

export type GroupCommitOptions = {
  /** Writes a batch's folded adds, inside its transaction, just before COMMIT. */
  applyAdds: (adds: readonly AggregateAdd[]) => void
  /** A batch closes at this many members even if more are waiting. */
  maxBatch?: number
}

/** A member's statements failed in a way that ended the whole transaction (not a constraint). */
class TransactionLost extends Error {
  constructor(
    readonly member: Member,
    readonly reason: unknown,
  ) {
    super('transaction lost')
  }
}

/**
 * Atomic for better-sqlite3 with group commit: calls that arrive in the same turn of the event
 * loop share one transaction (one fsync under synchronous=FULL) and each call is settled only
 * after the COMMIT that holds it returned. Each call's statements run inside their own SAVEPOINT,
 * so a failing call (a duplicate key, a used invitation) is rolled back and rejected alone while
 * the others commit. Aggregate adds of the calls that succeeded are summed per stored row first,
 * so a batch writes each touched row once.
 */
export function groupCommitAtomic(sqlite: Database.Database, options: GroupCommitOptions): Atomic {
  const maxBatch = options.maxBatch ?? 64
  const begin = sqlite.prepare('BEGIN IMMEDIATE')
  const commit = sqlite.prepare('COMMIT')
  const rollback = sqlite.prepare('ROLLBACK')
  const savepoint = sqlite.prepare('SAVEPOINT member')
  const release = sqlite.prepare('RELEASE member')
  const rollbackTo = sqlite.prepare('ROLLBACK TO member')
  let queue: Member[] = []
  let scheduled = false

  /** Runs one call's statements in its savepoint; what it threw, if it failed. */
  function runMember(m: Member): { error: unknown } | null {
    savepoint.run()
    try {
      for (const s of m.statements) (s as unknown as { run(): unknown }).run()
    } catch (err) {
      // Constraint failures undo only the failing statement; some errors (I/O, a full disk)
      // end the transaction itself, and then the batch has to start again without this member.
      if (!sqlite.inTransaction) throw new TransactionLost(m, err)
      rollbackTo.run()
      release.run()
      return { error: err }
    }
    release.run()
    return null
  }

  function runBatch(batch: Member[]) {
    let members = batch
    while (members.length > 0) {
      const failed = new Map<Member, unknown>()
      try {
        begin.run()
        for (const m of members) {
          const failure = runMember(m)
          if (failure) failed.set(m, failure.error)
        }
        const adds = members.filter((m) => !failed.has(m)).flatMap((m) => m.adds)
        if (adds.length > 0) options.applyAdds(foldAdds(adds))
        commit.run()
      } catch (err) {
        try {
          if (sqlite.inTransaction) rollback.run()
        } catch {
          // The connection is gone (closed, or the file failed): the members learn of `err`.
        }
        if (err instanceof TransactionLost) {
          err.member.reject(err.reason)
          members = members.filter((m) => m !== err.member)
          continue
        }
        for (const m of members) m.reject(err)
        return
      }
      for (const m of members) {
        if (failed.has(m)) m.reject(failed.get(m))
        else m.resolve()
      }
      return
    }
  }

  function flush() {
    scheduled = false
    while (queue.length > 0) runBatch(queue.splice(0, maxBatch))
  }

  return (statements, adds = []) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ statements, adds, resolve, reject })
      if (queue.length >= maxBatch) {
        const batch = queue
        queue = []
        runBatch(batch)
      } else if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    })
}
