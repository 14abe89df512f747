import { existsSync } from 'node:fs'
import type { Store } from '../db/client'
import { ImportRefused } from '../db/staging'
import { csvFileBatches } from '../node/csv-rows'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'
import { rowCounter } from './progress'

/**
 * What `csi contacts import` and `csi responses import` share: the file check, the database, a
 * row counter on a terminal, a refused import as one CLI error, and `--json` or text output.
 */
export async function runImport<R extends object>(
  io: CliIo,
  file: string,
  opts: { wave: string; json?: boolean },
  work: (
    store: Store,
    rows: AsyncIterable<string[][]>,
    onProgress: (rows: number) => void,
  ) => Promise<R>,
  describe: (result: R, seconds: number) => string[],
) {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`)
  const { store } = await openCliStore(io)
  const counter = rowCounter(io, 'importing')
  try {
    const t0 = performance.now()
    const result = await work(store, csvFileBatches(file), counter.update).catch((err) => {
      if (err instanceof ImportRefused) throw new CliError(`${file}: ${err.message}`)
      throw err
    })
    counter.done()
    const seconds = (performance.now() - t0) / 1000
    const lines = opts.json
      ? [JSON.stringify({ wave: opts.wave, ...result, seconds }, null, 2)]
      : describe(result, seconds)
    await io.stdout(`${lines.join('\n')}\n`)
  } finally {
    counter.done()
    store.close()
  }
}
