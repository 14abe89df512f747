import type Database from 'better-sqlite3'
import type { LocalStaging } from '../db/client'
import type { StagedCells } from '../db/staging'
import { tempStagingTable } from '../db/staging'

/**
 * The connection's own staging table for imports (see `tempStagingTable`), filled through one
 * prepared statement per row width. BEGIN is deferred and the rows touch only TEMP, so no lock is
 * taken on the database file: the server goes on committing beside a long import.
 */
export function tempStaging(sqlite: Database.Database): LocalStaging {
  sqlite.exec(tempStagingTable)
  const inserts = new Map<number, Database.Statement>()
  const insertOf = (width: number) => {
    let insert = inserts.get(width)
    if (!insert) {
      const columns = Array.from({ length: width }, (_, i) => `, c${i}`).join('')
      insert = sqlite.prepare(
        `insert into temp.import_rows (import_id, row_no, key${columns}) values (?, ?, ?${', ?'.repeat(width)})`,
      )
      inserts.set(width, insert)
    }
    return insert
  }
  const write = sqlite.transaction(
    (
      importId: string,
      rowNos: readonly number[],
      keys: readonly (string | null)[],
      cells: readonly StagedCells[],
    ) => {
      for (let i = 0; i < rowNos.length; i++) {
        const values = cells[i]!
        insertOf(values.length).run(importId, rowNos[i], keys[i], ...values)
      }
    },
  )
  return { write: (importId, rowNos, keys, cells) => write(importId, rowNos, keys, cells) }
}
