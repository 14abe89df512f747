import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toCsv } from '../../../server/lib/csv'
import { csvCell } from '../../../server/responses/export-responses'

// `csi export` writes its cells with csvCell, not papaparse (a million rows are 27 million
// cells); every cell must read exactly as toCsv writes it, formula guard included.
describe('csvCell()', () => {
  const papa = (v: string | number) => toCsv([[v]]).slice(0, -2)

  test.each([
    ['plain'],
    [''],
    ['a,b'],
    ['say "hi"'],
    ['two\nlines'],
    ['cr\r'],
    [' leading'],
    ['trailing '],
    ['=SUM(A1)'],
    ['+1'],
    ['-2'],
    ['@x'],
    ['\tTab'],
    ['\0nul'],
    ['=a,"b"\nc'],
    ['\ufeffbom'],
    [3],
    [-1],
    [2.5],
  ])('%j as toCsv writes it', (v) => {
    expect(csvCell(v)).toBe(papa(v))
  })

  test('any text or number as toCsv writes it', () => {
    const tricky = fc.constantFrom(
      ',',
      '"',
      '\r',
      '\n',
      ' ',
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\0',
      '\ufeff',
      'a',
      'é',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: tricky, maxLength: 12 }),
          fc.string({ maxLength: 20 }),
          fc.integer(),
          fc.double({ noNaN: true }),
        ),
        (v) => csvCell(v) === papa(v),
      ),
      { numRuns: 2000 },
    )
  })

  test('no value is an empty cell', () => {
    expect([csvCell(undefined), csvCell(null)]).toEqual(['', ''])
  })
})
