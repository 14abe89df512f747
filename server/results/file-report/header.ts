import { ReportInputError } from './errors'

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
