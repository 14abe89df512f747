import Papa from 'papaparse'
import type { Population } from '../../../reports'
import { sniffDelimiter } from '../../lib/csv-delimiter'
import { ReportInputError } from './errors'

/**
 * Reads a population file for `--weights` (SPEC §5.4), in one of two forms, told apart by the
 * header (names matched ignoring case):
 *
 * - **margins**: `variable,value,share` (or `count`): one row per value of each variable → raking;
 * - **cells**: one column per weighting variable plus `share` (or `count`): one row per
 *   combination → post-stratification.
 *
 * Shares may be fractions or percentages (they are normalised: per variable for margins, over
 * all cells for cells). Every refusal names the file, the row (header = row 1) and the column.
 */
export function parsePopulationCsv(text: string, file = 'population file'): Population {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: sniffDelimiter(text),
    skipEmptyLines: 'greedy',
  })
  if (parsed.errors[0]) {
    const e = parsed.errors[0]
    throw new ReportInputError(`--weights: ${file} row ${(e.row ?? 0) + 1}: ${e.message}`)
  }
  const [head, ...rows] = parsed.data
  if (!head || rows.length === 0) {
    throw new ReportInputError(`--weights: ${file} needs a header row and at least one data row`)
  }
  const names = head.map((h) => h.trim())
  const lower = names.map((h) => h.toLowerCase())
  const fail = (row: number, column: string, what: string): never => {
    throw new ReportInputError(`--weights: ${file} row ${row}, column "${column}": ${what}`)
  }
  const figureAt = lower.findIndex((h) => h === 'share' || h === 'count')
  if (figureAt < 0 || lower.filter((h) => h === 'share' || h === 'count').length > 1) {
    throw new ReportInputError(
      `--weights: ${file} needs exactly one "share" or "count" column (has ${names.join(', ')})`,
    )
  }
  const figureName = names[figureAt]!
  const empty = names.findIndex((h) => h === '')
  if (empty >= 0) fail(1, `(column ${empty + 1})`, 'the column has no name')
  const dup = lower.findIndex((h, i) => lower.indexOf(h) !== i)
  if (dup >= 0) fail(1, names[dup]!, 'named twice')
  const figure = (cells: string[], row: number) => {
    const raw = (cells[figureAt] ?? '').trim()
    const x = Number(raw.replace(/%$/, ''))
    if (raw === '' || !Number.isFinite(x) || x <= 0)
      fail(row, figureName, `"${raw}" must be a number above 0`)
    return x
  }
  const cellAt = (cells: string[], i: number, row: number) => {
    const v = (cells[i] ?? '').trim()
    if (v === '') fail(row, names[i]!, 'empty')
    return v
  }
  const margins = lower.length === 3 && lower.includes('variable') && lower.includes('value')
  if (margins) {
    const vi = lower.indexOf('variable')
    const ai = lower.indexOf('value')
    const seen = new Set<string>()
    const out = rows.map((cells, r) => {
      const row = r + 2
      const variable = cellAt(cells, vi, row)
      const value = cellAt(cells, ai, row)
      const k = JSON.stringify([variable, value])
      if (seen.has(k)) fail(row, names[ai]!, `${variable} = "${value}" is listed twice`)
      seen.add(k)
      return { variable, value, share: figure(cells, row) }
    })
    const variables = [...new Set(out.map((m) => m.variable))]
    return { form: 'margins', variables, margins: out }
  }
  const varIdx = names.map((_, i) => i).filter((i) => i !== figureAt)
  if (varIdx.length === 0) {
    throw new ReportInputError(
      `--weights: ${file} names no weighting variable beside "${figureName}"`,
    )
  }
  const seen = new Set<string>()
  const cells = rows.map((cells, r) => {
    const row = r + 2
    const values = varIdx.map((i) => cellAt(cells, i, row))
    const k = JSON.stringify(values)
    if (seen.has(k)) fail(row, names[varIdx[0]!]!, `the cell ${values.join(' × ')} is listed twice`)
    seen.add(k)
    return { values, share: figure(cells, row) }
  })
  return { form: 'cells', variables: varIdx.map((i) => names[i]!), cells }
}
