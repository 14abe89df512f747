import Papa from 'papaparse'

// papaparse's own escapeFormulae regex misses cells that start with LF or NUL and, having no
// `s` flag, multi-line cells: any cell a spreadsheet could read as a formula gets a quote. Some
// spreadsheets also skip leading spaces and invisible characters (zero-width space, joiners,
// BOM) before a formula, and read the full-width ＝＋－＠ as their ASCII selves.
export const FORMULA_START =
  /^[\t\r\n\0]|^[\s\u00a0\u200b-\u200f\u2028\u2029\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/

/**
 * Undoes the export's formula guard: a cell that starts with `'` followed by something a
 * spreadsheet would run (anything FORMULA_START matches, spaces and invisible characters
 * included) loses the `'`; any other cell is kept as it is.
 */
export const unescapeFormula = (cell: string) =>
  cell.charCodeAt(0) === 39 && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell

/** CSV text for rows (no header unless `header`), CRLF as spreadsheets expect. */
export function toCsv(rows: unknown[][], header?: string[]): string {
  const data = header ? [header, ...rows] : rows
  return Papa.unparse(data, { escapeFormulae: FORMULA_START, newline: '\r\n' }) + '\r\n'
}
