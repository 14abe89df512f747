import type Database from 'better-sqlite3'
import type { LocalStaging } from '../db/client'
import { tempStagingTable } from '../db/staging'

/**
 * The connection's own staging table for imports (see `tempStagingTable`), filled through one
 * prepared statement. BEGIN is deferred and the rows touch only TEMP, so no lock is taken on the
 * database file: the server goes on committing beside a long import.
 */
export function tempStaging(sqlite: Database.Database): LocalStaging {
  sqlite.exec(tempStagingTable)
  const insert = sqlite.prepare(
    'insert into temp.import_rows (import_id, row_no, key, payload) values (?, ?, ?, ?)',
  )
  const write = sqlite.transaction(
    (
      importId: string,
      rowNos: readonly number[],
      keys: readonly (string | null)[],
      payloads: readonly string[],
    ) => {
      for (let i = 0; i < rowNos.length; i++) insert.run(importId, rowNos[i], keys[i], payloads[i])
    },
  )
  return { write: (importId, rowNos, keys, payloads) => write(importId, rowNos, keys, payloads) }
}
