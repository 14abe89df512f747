import { and, asc, eq, lt, sql } from 'drizzle-orm'
import type { Statement } from './atomic'
import { rawStatement } from './atomic'
import type { Db, LocalStaging, Store } from './client'
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


// Without a local table, a chunk of rows travels as one JSON parameter unpacked by json_each: two
// bound parameters per statement whatever the chunk size (D1 allows 100), and no per-row query
// building. Few large writes, because each commit waits for the disk (synchronous=FULL) — but
// not too large: the rows waiting and their packed copies are most of an import's heap (20,000
// rows were ~25 MB).
const ROWS_PER_STATEMENT = 500
const STATEMENTS_PER_WRITE = 10
const ROWS_PER_WRITE = ROWS_PER_STATEMENT * STATEMENTS_PER_WRITE

/**
 * Collects validated rows in `import_rows` (invisible to the product) in chunks, so an import of
 * any size runs in constant memory and its last step is one atomic INSERT … SELECT.
 */
export class Staging {
  // Rows waiting, as parallel arrays: a million rows make no per-row object.
  private rowNos: number[] = []
  private keys: (string | null)[] = []
  private payloads: string[] = []
  private readonly local: LocalStaging | undefined
  constructor(
    private readonly store: Store,
    readonly importId: string,
  ) {
    this.local = store.localStaging
  }

  /** Queues a row; returns a promise only when the queue was written (await it then). */
  add(rowNo: number, key: string | null, payload: string): Promise<void> | undefined {
    this.rowNos.push(rowNo)
    this.keys.push(key)
    this.payloads.push(payload)
    if (this.rowNos.length < ROWS_PER_WRITE) return undefined
    if (!this.local) return this.flush()
    this.writeLocal()
    return undefined
  }

  private writeLocal() {
    if (this.rowNos.length) this.local!.write(this.importId, this.rowNos, this.keys, this.payloads)
    this.rowNos = []
    this.keys = []
    this.payloads = []
  }

  async flush() {
    if (this.local) return this.writeLocal()
    const { rowNos, keys, payloads } = this
    this.rowNos = []
    this.keys = []
    this.payloads = []
    const { db, atomic } = this.store
    const statements: Statement[] = []
    for (let i = 0; i < rowNos.length; i += ROWS_PER_STATEMENT) {
      const chunk: [number, string | null, string][] = []
      for (let j = i; j < Math.min(rowNos.length, i + ROWS_PER_STATEMENT); j++)
        chunk.push([rowNos[j]!, keys[j]!, payloads[j]!])
      const packed = JSON.stringify(chunk)
      statements.push(
        rawStatement(
          db,
          sql`insert into ${importRows} (import_id, row_no, key, payload)
              select ${this.importId}, value ->> 0, value ->> 1, value ->> 2 from json_each(${packed})`,
        ),
      )
    }
    if (statements.length) await atomic(statements as [Statement, ...Statement[]])
  }

  /** Keys that occur on more than one row, with their row numbers (first `limit`). */
  async duplicates(limit: number) {
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
    row_no integer primary key, import_id text not null, key text, payload text not null
  );
  create index if not exists temp.import_rows_key_idx on import_rows (import_id, key);
  pragma temp.cache_size = -4000;`

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
