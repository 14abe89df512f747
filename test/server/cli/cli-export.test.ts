import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toCsv } from '../../../server/lib/csv'
import { demoAnswers, demoRandom } from '../../../server/cli/demo-answers'
import { csvCell } from '../../../server/responses/export-responses'
import {
  answerCellsWriter,
  flattenAnswers,
  responseColumns,
} from '../../../server/responses/responses-csv'
import { shippedSurveys } from '../../../server/surveys/shipped-surveys'

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

describe('answerCellsWriter()', () => {
  // What the export wrote before: flattenAnswers into an object, then one lookup per column.
  const viaObject = (definition: object, header: string[], answers: Record<string, unknown>) => {
    const flat = flattenAnswers(answers, definition as never)
    return header.map((h) => (Object.hasOwn(flat, h) ? flat[h] : undefined))
  }

  test.each(shippedSurveys.map((s) => [s.id, s.definition] as const))(
    '%s: the same cells as flattenAnswers, odd answers included',
    (_id, definition) => {
      const { header } = responseColumns(definition)
      const write = answerCellsWriter(definition, header)
      const rnd = demoRandom(3)
      for (let i = 0; i < 300; i++) {
        const answers: Record<string, unknown> = {
          ...demoAnswers(definition, { mood: 1 + (i % 5), offsets: {}, missing: 0.2 }, rnd),
          // a role's column name answered by another question, lists, unknown matrices, nulls
          ...(i % 3 === 0 && { overall: 'not a rating', region: ['a', 'b'] }),
          ...(i % 4 === 0 && { extra: { x: 1, y: 'two' }, product_quality: 5, nothing: null }),
          ...(i % 5 === 0 && { attributes: { product_quality: 2, unknown_row: 4 } }),
        }
        const cells = new Array<string | number | undefined>(header.length)
        write(answers, cells)
        expect(cells).toEqual(viaObject(definition, header, answers))
      }
    },
  )
})
