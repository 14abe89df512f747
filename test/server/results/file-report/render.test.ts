import { describe, expect, test } from 'vitest'
import {
  fileReport,
  parseReportOptions,
  readResponsesCsv,
  renderCsv,
  renderJson,
  renderMarkdown,
  sniffDelimiter,
} from '../../../../server/results/file-report/index'
import { responsesHeader } from '../../../../server/responses/responses-csv'
import { mdTable } from '../../../../server/results/file-report/md-table'
import { count, pValue, signed, wrap } from '../../../../server/results/file-report/format'

async function report(text: string) {
  const req = parseReportOptions({ by: ['region'] })
  return fileReport(await readResponsesCsv(text, req, { file: 'f.csv' }), req)
}

const text = [
  'audience,region,overall,rebuy,speed',
  'customer,=1+2,4,5,3',
  'customer,-north,5,4,4',
  'customer,@south,3,3,2',
  'customer,"+a\nb",4,4,5',
].join('\n')

describe('renderCsv()', () => {
  test('neutralises formula-like segment values, multi-line ones included', async () => {
    const out = renderCsv(await report(text))
    expect(out).toContain(`,region,"'=1+2",`)
    expect(out).toContain(`,region,"'-north",`)
    expect(out).toContain(`,region,"'@south",`)
    expect(out).not.toMatch(/,[=+@]|,-(?![\d.])/) // negative numbers (net limits) are numbers
    expect(out).toContain(`,region,"'+a\nb",`)
    // numbers stay numbers: a negative value would not be quoted
    expect(out.split('\r\n')[1]).toMatch(
      /^csi,customer,,,,overall-rebuy,Customer satisfaction index,4,,,4,0\.707,/,
    )
  })
})

describe('renderJson()', () => {
  test('is the report object itself with its source', async () => {
    const r = await report(text)
    expect(JSON.parse(renderJson(r))).toEqual(JSON.parse(JSON.stringify(r)))
  })
})

describe('renderMarkdown()', () => {
  test('escapes pipes in table cells and keeps lines within 100 columns', async () => {
    const r = await report(
      text.replace('speed', 'speed | reliability of the delivery promise as customers see it'),
    )
    const md = renderMarkdown(r)
    expect(md).toContain('speed \\| reliability')
    for (const line of md.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })

  test('works without a source (wave reports)', async () => {
    const { source: _, ...wave } = await report(text)
    expect(renderMarkdown(wave)).toMatch(/^# CSI report\n\nCSI: mean of \(overall \+ rebuy\)/)
  })
})

describe('md helpers', () => {
  test('mdTable drops empty optional columns and clips the first column to fit', () => {
    const lines = mdTable(
      [
        { title: 'Attribute', cells: ['x'.repeat(120)] },
        { title: 'n', align: 'right', cells: ['5'] },
        { title: 'r', cells: ['–'], optional: true },
      ],
      40,
    )
    expect(lines[0]).toBe(`| Attribute${' '.repeat(21)} |   n |`)
    expect(lines[1]).toBe(`| ${'-'.repeat(30)} | --: |`)
    expect(lines[2]).toMatch(/^\| x{29}… \| {3}5 \|$/)
    expect(lines[2]).toHaveLength(40)
  })

  test.each([
    [pValue(0.0004), '<0.001'],
    [pValue(0.0031), '0.003'],
    [signed(-0.1), '−0.10'],
    [signed(0.42), '+0.42'],
    [count(1234567), '1,234,567'],
  ])('%s', (got, want) => expect(got).toBe(want))

  test('wrap breaks at spaces', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc'])
  })
})

describe('header', () => {
  test('sniffDelimiter looks at the first line only, outside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2;3')).toBe(';')
    expect(sniffDelimiter('"a;b",c\n')).toBe(',')
    expect(sniffDelimiter('single\n')).toBe(',')
  })

  test('responsesHeader strips the BOM and trims', () => {
    expect(responsesHeader(['\uFEFFAge', ' audience ']).names).toEqual(['Age', 'audience'])
  })
})
