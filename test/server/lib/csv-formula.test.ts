import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { FORMULA_START, toCsv, unescapeFormula } from '../../../server/lib/csv'

const cellOf = (csv: string) => (Papa.parse<string[]>(csv.trim()).data[0] ?? [])[0]!

describe('the formula guard round trip', () => {
  // What a spreadsheet would run, the disguised forms included, comes back as it went out.
  test.each([
    '=1+1',
    '+49 30 1234',
    '-2',
    '@SUM(A1)',
    ' =1',
    '\u00a0=HYPERLINK("x")',
    '\u200b=1',
    '\ufeff+1',
    '＝SUM(A1)',
    '＠cmd',
    '\t=1',
  ])('%j is guarded on export and restored on import', (value) => {
    expect(FORMULA_START.test(value)).toBe(true)
    const cell = cellOf(toCsv([[value]]))
    expect(cell.startsWith("'")).toBe(true)
    expect(unescapeFormula(cell)).toBe(value)
  })

  test('an apostrophe the writer typed stays when no formula follows it', () => {
    for (const value of ["'quoted'", "'", "' plain", "'1990"]) {
      expect(cellOf(toCsv([[value]]))).toBe(value)
      expect(unescapeFormula(value)).toBe(value)
    }
  })
})
