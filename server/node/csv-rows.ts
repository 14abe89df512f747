import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import Papa from 'papaparse'
import { sniffDelimiter } from '../lib/csv-delimiter'

/**
 * A CSV file's rows (header first), in batches as papaparse parses each chunk of the file; the
 * parser is paused while a batch is processed, so memory stays flat whatever the file size.
 * UTF-8 with or without BOM, `,` or `;`, CRLF or LF (SPEC §5.3).
 */
export async function* csvFileBatches(path: string): AsyncGenerator<string[][]> {
  const handle = await open(path)
  const head = Buffer.alloc(64 * 1024)
  const { bytesRead } = await handle.read(head, 0, head.length, 0)
  await handle.close()
  const delimiter = sniffDelimiter(head.subarray(0, bytesRead).toString('utf8'))

  const queue: string[][][] = []
  let done = false
  let failure: Error | null = null
  let parser: Papa.Parser | null = null
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  // Small chunks: a batch of rows dies young (a 1 MB chunk, ~7,000 rows of cells, outlived
  // collections and was promoted, which made collections a sixth of an import).
  const source = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 })
  source.on('error', (err) => {
    failure = err
    notify()
  })
  Papa.parse<string[]>(source as unknown as File, {
    delimiter,
    chunk(results, p) {
      parser = p
      queue.push(results.data)
      // Pausing papaparse stops its parsing, not the file: its stream keeps queueing data
      // unless the stream itself is paused too.
      p.pause()
      source.pause()
      notify()
    },
    complete() {
      done = true
      notify()
    },
    error(err: Error) {
      failure = err
      notify()
    },
  })
  try {
    for (;;) {
      if (failure) throw failure
      const batch = queue.shift()
      if (batch) {
        yield batch
        if (!queue.length && !done) {
          source.resume()
          ;(parser as Papa.Parser | null)?.resume()
        }
        continue
      }
      if (done) return
      await new Promise<void>((r) => (wake = r))
    }
  } finally {
    if (!done) {
      ;(parser as Papa.Parser | null)?.abort()
      source.destroy()
    }
  }
}

/** SHA-256 of a file, streamed: the key that makes re-importing the same file a no-op refusal. */
export async function fileHash(path: string) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex').slice(0, 32)
}
