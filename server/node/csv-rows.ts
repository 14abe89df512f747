import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import Papa from 'papaparse'
import { sniffDelimiter } from '../report-io'

/**
 * A CSV file's rows (header first) streamed through papaparse with back-pressure: memory stays
 * flat whatever the file size. UTF-8 with or without BOM, `,` or `;`, CRLF or LF (SPEC §5.3).
 */
export async function* csvFileRows(path: string): AsyncGenerator<string[]> {
  const handle = await open(path)
  const head = Buffer.alloc(64 * 1024)
  const { bytesRead } = await handle.read(head, 0, head.length, 0)
  await handle.close()
  const delimiter = sniffDelimiter(head.subarray(0, bytesRead).toString('utf8'))
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter })
  const source = createReadStream(path)
  source.on('error', (err) => parser.destroy(err))
  for await (const row of source.pipe(parser)) yield row as string[]
}

/** SHA-256 of a file, streamed: the key that makes re-importing the same file a no-op refusal. */
export async function fileHash(path: string) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex').slice(0, 32)
}
