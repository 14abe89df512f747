import Papa from 'papaparse'

// papaparse's own escapeFormulae regex misses cells that start with LF or NUL and, having no
// `s` flag, multi-line cells: any cell a spreadsheet could read as a formula gets a quote.
export const FORMULA_START = /^[=+\-@\t\r\n\0]/

/** CSV text for rows (no header unless `header`), CRLF as spreadsheets expect. */
export function toCsv(rows: unknown[][], header?: string[]): string {
  const data = header ? [header, ...rows] : rows
  return Papa.unparse(data, { escapeFormulae: FORMULA_START, newline: '\r\n' }) + '\r\n'
}
