import { ReportInputError } from './errors'

/**
 * The delimiter of a CSV from its first line: `;` when the header has more semicolons than
 * commas outside quotes, else `,` (SPEC §5.3 allows only these two).
 */
export function sniffDelimiter(head: string): ',' | ';' {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const ch of head) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && ch === ',') commas++
    else if (!quoted && ch === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}

/**
 * Column names from the header row: BOM stripped, trimmed. An empty name (a pandas index
 * column) stays `''` and is ignored; a name used twice refuses the file.
 */
export function cleanHeader(cells: readonly string[]): string[] {
  const names = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim())
  const seen = new Set<string>()
  for (const name of names) {
    if (name !== '' && seen.has(name)) {
      throw new ReportInputError(`row 1: column "${name}" appears twice in the header`)
    }
    seen.add(name)
  }
  if (seen.size === 0 || (seen.size === 1 && seen.has(''))) {
    throw new ReportInputError('row 1: the header row names no columns')
  }
  return names
}
