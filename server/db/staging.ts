import { and, asc, eq, lt, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Statement } from './atomic'
import { rawStatement } from './atomic'
import type { Db, LocalStaging, StagedCells, Store } from './client'
import { importRows } from './schema'

/** A refused import: every bad row by its spreadsheet number, nothing stored. */
export class ImportRefused extends Error {
  constructor(
    readonly problems: readonly RowProblem[],
    readonly total: number,
  ) {
    super(importMessage(problems, total))
  }
}

export type RowProblem = { row: number; message: string }

/** Problems kept with their text; beyond that only counted (the first ones say what is wrong). */
export const LISTED_PROBLEMS = 1000

function importMessage(problems: readonly RowProblem[], total: number) {
  const lines = problems.slice(0, 50).map((p) => `  row ${p.row}: ${p.message}`)
  const more = total - Math.min(problems.length, 50)
  if (more > 0) lines.push(`  … and ${more} more problem${more === 1 ? '' : 's'}`)
  return `nothing was imported: ${total} problem${total === 1 ? '' : 's'}\n${lines.join('\n')}`
}

export type { StagedCells }

/** The most values a staged row holds (the TEMP table's c0…c9). */
export const STAGED_CELLS = 10

// Without a local table, a chunk of rows travels as one JSON parameter unpacked by json_each: two
// bound parameters per statement whatever the chunk size (D1 allows 100), and no per-row query
// building. Few large writes, because each commit waits for the disk (synchronous=FULL) — but
// not too large: the rows waiting and their packed copies are most of an import's heap (20,000
// rows were ~25 MB).
const ROWS_PER_STATEMENT = 500
const STATEMENTS_PER_WRITE = 10
const ROWS_PER_WRITE = ROWS_PER_STATEMENT * STATEMENTS_PER_WRITE
// The connection's own table has no commit to wait for: rows go in small batches, so they die
// young instead of surviving garbage collections while a large batch fills (a third of an
// import's collection time).
const LOCAL_ROWS_PER_WRITE = 200

/**
 * Collects validated rows in `import_rows` (invisible to the product) in chunks, so an import of
 * any size runs in constant memory and its last step is one atomic INSERT … SELECT.
 */
export class Staging {
  // Rows waiting, as parallel arrays: a million rows make no per-row object.
  private rowNos: number[] = []
  private keys: (string | null)[] = []
  private cells: StagedCells[] = []
  // Rows staged with a key: none means no duplicate to look for.
  private keyed = 0
  private readonly local: LocalStaging | undefined
  constructor(
    private readonly store: Store,
    readonly importId: string,
  ) {
    this.local = store.localStaging
  }

  /** Queues a row; returns a promise only when the queue was written (await it then). */
  add(rowNo: number, key: string | null, cells: StagedCells): Promise<void> | undefined {
    if (cells.length > STAGED_CELLS)
      throw new Error(`a staged row holds at most ${STAGED_CELLS} values`)
    this.rowNos.push(rowNo)
    this.keys.push(key)
    this.cells.push(cells)
    if (key !== null) this.keyed++
    if (this.rowNos.length < (this.local ? LOCAL_ROWS_PER_WRITE : ROWS_PER_WRITE)) return undefined
    if (!this.local) return this.flush()
    this.writeLocal()
    return undefined
  }

  private writeLocal() {
    if (this.rowNos.length) this.local!.write(this.importId, this.rowNos, this.keys, this.cells)
    this.rowNos = []
    this.keys = []
    this.cells = []
  }

  async flush() {
    if (this.local) return this.writeLocal()
    const { rowNos, keys, cells } = this
    this.rowNos = []
    this.keys = []
    this.cells = []
    const { db, atomic } = this.store
    const statements: Statement[] = []
    for (let i = 0; i < rowNos.length; i += ROWS_PER_STATEMENT) {
      const chunk: [number, string | null, StagedCells][] = []
      for (let j = i; j < Math.min(rowNos.length, i + ROWS_PER_STATEMENT); j++)
        chunk.push([rowNos[j]!, keys[j]!, cells[j]!])
      const packed = JSON.stringify(chunk)
      // The shared table keeps a row's values as one JSON array (`cell` reads them back).
      statements.push(
        rawStatement(
          db,
          sql`insert into ${importRows} (import_id, row_no, key, payload)
              select ${this.importId}, value ->> 0, value ->> 1, value -> 2 from json_each(${packed})`,
        ),
      )
    }
    if (statements.length) await atomic(statements as [Statement, ...Statement[]])
  }

  /**
   * The staged row's value `i` (as `add` got it), for the final write's SELECT: a column of the
   * connection's own table, or an element of the shared table's JSON array.
   */
  cell(i: number): SQL {
    if (!Number.isInteger(i) || i < 0 || i >= STAGED_CELLS) throw new Error(`no staged value ${i}`)
    return this.local ? sql.raw(`c${i}`) : sql.raw(`(payload ->> '$[${i}]')`)
  }

  /** Keys that occur on more than one row, with their row numbers (first `limit`). */
  async duplicates(limit: number) {
    if (this.keyed === 0) return []
    // The connection's own table gets its key index only now: one sort of the keys instead of
    // an index entry kept up to date per staged row.
    if (this.local) await this.store.db.run(sql.raw(tempKeyIndex))
    const rows = await this.store.db
      .select({ key: importRows.key, rows: sql<string>`group_concat(${importRows.rowNo})` })
      .from(importRows)
      .where(and(eq(importRows.importId, this.importId), sql`${importRows.key} is not null`))
      .groupBy(importRows.key)
      .having(sql`count(*) > 1`)
      .orderBy(asc(sql`min(${importRows.rowNo})`))
      .limit(limit)
    return rows.map((r) => ({
      key: r.key!,
      rows: r.rows
        .split(',')
        .map(Number)
        .sort((a, b) => a - b),
    }))
  }

  /** The statement that removes this import's staged rows (last step of the final write). */
  dropStatement(): Statement {
    // The connection's own table holds this import alone: emptied whole, which SQLite does by
    // dropping its pages, not row by row (a million deletes were half a second).
    if (this.local) return rawStatement(this.store.db, sql`delete from temp.import_rows`)
    return this.store.db.delete(importRows).where(eq(importRows.importId, this.importId))
  }

  async drop() {
    await this.dropStatement()
  }
}

/**
 * A connection's own `import_rows`, which shadows the real one (SQLite resolves unqualified
 * names in TEMP first), for the sync driver: a million staged rows then go to a temporary file
 * that vanishes with the connection, instead of through the WAL into the database, where their
 * deletion left half of the file as free pages (SQLite does not shrink it without VACUUM).
 * The final INSERT … SELECT still runs in one transaction with the rows it moves. Its page cache
 * is kept small: the file lives in the OS cache anyway, and the process must stay under 200 MB.
 * It holds one import at a time (a CLI command runs one, and the final write or a refusal
 * empties it), so the row number alone is the key: the rowid, rows appended in order (200k rows
 * staged in ~1.1 s here, against 1.4–1.9 s under a key that starts with the import id).
 */
export const tempStagingTable = `
  pragma temp_store = file;
  create temp table if not exists import_rows (
    row_no integer primary key, import_id text not null, key text,
    c0, c1, c2, c3, c4, c5, c6, c7, c8, c9
  );
  pragma temp.cache_size = -4000;`

const tempKeyIndex =
  'create index if not exists temp.import_rows_key_idx on import_rows (import_id, key)'

/** Staged rows of imports that died half-way (a day old) are garbage; clear them. */
export async function sweepAbandonedImports(db: Db, now: Date) {
  const cutoff = `${Math.floor(now.getTime() / 1000) - 86_400}`
  await db
    .delete(importRows)
    .where(lt(sql`substr(${importRows.importId}, 1, 10)`, cutoff.padStart(10, '0')))
}

/** Import ids start with the time in seconds, so abandoned staging can be found by age. */
export function newImportId(now: Date) {
  const seconds = String(Math.floor(now.getTime() / 1000)).padStart(10, '0')
  return `${seconds}-${crypto.randomUUID().slice(0, 8)}`
}
