import type { Store } from './client'
import type { RowProblem, StagedCells } from './staging'
import {
  ImportRefused,
  LISTED_PROBLEMS,
  Staging,
  newImportId,
  sweepAbandonedImports,
} from './staging'

/**
 * A row's verdict: its values staged under `key` (unique within the import, or null), or
 * refused.
 */
export type RowVerdict = { key: string | null; cells: StagedCells } | { problem: string }

export type ImportPlan<R> = {
  /** What the file holds, for messages: "contacts", "responses". */
  noun: string
  /** Reads the header (row 1), throwing ImportRefused for a bad one; returns the row check. */
  header(cells: string[]): (cells: string[], rowNo: number) => RowVerdict | Promise<RowVerdict>
  /** The problem of a row whose key an earlier row (`firstRow`) already has. */
  duplicate(key: string, firstRow: number): string
  /** Every row passed: the import's final atomic write, from the staged rows. */
  finish(staging: Staging, rows: number): Promise<R>
}

/**
 * The all-or-nothing import both contact lists and responses use: rows (in batches, header
 * first) are checked and staged in constant memory; after the last row, duplicate keys are
 * found in SQL; any problem refuses the whole file listing every bad row by its spreadsheet
 * number (header = row 1), else `finish` moves the staged rows in one atomic write. Staged rows
 * never outlive a failed import.
 */
export async function stagedImport<R>(
  store: Store,
  rows: AsyncIterable<string[][]>,
  plan: ImportPlan<R>,
  opts: { now?: Date; onProgress?: (rows: number) => void } = {},
): Promise<R> {
  const now = opts.now ?? new Date()
  await sweepAbandonedImports(store.db, now)
  const staging = new Staging(store, newImportId(now))
  const problems: RowProblem[] = []
  let total = 0
  const refuse = (row: number, message: string) => {
    if (total++ < LISTED_PROBLEMS) problems.push({ row, message })
  }
  let check: ReturnType<ImportPlan<R>['header']> | null = null
  let rowNo = 0
  let count = 0
  try {
    for await (const batch of rows) {
      for (const cells of batch) {
        rowNo++
        if (!check) {
          check = plan.header(cells)
          continue
        }
        if (cells.every((c) => c.trim() === '')) continue
        if (++count % 10_000 === 0) opts.onProgress?.(count)
        // Most checks and adds finish at once: awaiting only real promises saves a million
        // microtask turns.
        let verdict = check(cells, rowNo)
        if (verdict instanceof Promise) verdict = await verdict
        if ('problem' in verdict) refuse(rowNo, verdict.problem)
        else {
          const written = staging.add(rowNo, verdict.key, verdict.cells)
          if (written) await written
        }
      }
    }
    if (!check) throw new ImportRefused([{ row: 1, message: 'the file is empty' }], 1)
    await staging.flush()
    for (const d of await staging.duplicates(LISTED_PROBLEMS)) {
      for (const row of d.rows.slice(1)) refuse(row, plan.duplicate(d.key, d.rows[0]!))
    }
    if (total > 0)
      throw new ImportRefused(
        problems.sort((a, b) => a.row - b.row),
        total,
      )
    if (count === 0) {
      throw new ImportRefused([{ row: 2, message: `the file has a header but no ${plan.noun}` }], 1)
    }
    const result = await plan.finish(staging, count)
    opts.onProgress?.(count)
    return result
  } catch (err) {
    await staging.flush().catch(() => {})
    await staging.drop()
    throw err
  }
}
