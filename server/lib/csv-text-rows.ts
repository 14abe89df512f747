import Papa from 'papaparse'
import { sniffDelimiter } from './csv-delimiter'

/**
 * A CSV text's rows (header first) in batches, for the importers that take
 * `AsyncIterable<string[][]>`: the dashboard's uploads, which arrive as one string under the
 * request body limit. Same dialect as the file version (`server/node/csv-rows.ts`): UTF-8 with
 * or without BOM, `,` or `;`, CRLF or LF.
 */
export async function* csvTextBatches(text: string, batchSize = 5000): AsyncGenerator<string[][]> {
  const { data } = Papa.parse<string[]>(text, { delimiter: sniffDelimiter(text.slice(0, 65536)) })
  for (let i = 0; i < data.length; i += batchSize) yield data.slice(i, i + batchSize)
}
