import { addStatements } from './aggregates'
import type { Atomic, Statement } from './atomic'
import type { Db } from './client'

/**
 * Atomic for D1: a batch runs as one implicit transaction (D1 has no BEGIN); a write's
 * aggregate adds go in the same batch, after its statements.
 */
export function batchAtomic(db: {
  batch(statements: [Statement, ...Statement[]]): Promise<unknown>
}): Atomic {
  return async (statements, adds = []) => {
    await db.batch(
      adds.length ? [...statements, ...addStatements(db as unknown as Db, adds)] : statements,
    )
  }
}
