import { describe, expect, test } from 'vitest'
import {
  fileReport,
  parseReportOptions,
  readResponsesCsv,
  type RawReportOptions,
} from '../../../../server/results/file-report/index'

const csv = [
  'respondent,audience,region,overall,rebuy,delivery,quality,imp_delivery',
  'c1,customer,north,4,5,3,4,5',
  'c2,customer,south,5,5,4,5,4',
  'c3,Customer ,south,3,4,2,3,',
  'e1,employee,north,4,4,4,4,',
].join('\n')

async function read(text: string, raw: RawReportOptions = {}) {
  const req = parseReportOptions(raw)
  return fileReport(await readResponsesCsv(text, req, { file: 'x.csv' }), req)
}

const refusal = (text: string, raw: RawReportOptions = {}) =>
  read(text, raw).then(
    () => 'accepted',
    (err: Error) => err.message,
  )

describe('readResponsesCsv()', () => {
  test('reads roles from a 5.3 header: imp_<key> is importance, text columns are segments', async () => {
    const r = await read(csv, { by: ['region'] })
    expect(r.source.columns).toMatchObject({
      attributes: ['delivery', 'quality'],
      importance: ['imp_delivery'],
      segments: ['region'],
      ignored: ['respondent'],
    })
    const c = r.groups.find((g) => g.audience === 'customer' && g.segment === null)
    // audience values are trimmed and case-folded: c3 counts as a customer
    expect(c && !c.suppressed && c.n).toBe(3)
    // stated importance of delivery: (5 + 4) / 2
    expect(
      c && !c.suppressed && c.attributes.find((a) => a.key === 'delivery')?.importance.stated,
    ).toBe(4.5)
  })

  test('blank lines are skipped but still count in spreadsheet row numbers', async () => {
    const text = 'audience,overall\n\ncustomer,4\n,\ncustomer,6\n'
    expect(await refusal(text)).toMatch(/^row 5, column "overall": "6" is not an integer 1–5/)
    const ok = await read('audience,overall\r\n\r\ncustomer,4\r\n')
    expect(ok.source.rows).toBe(1)
  })

  test('a header cell left empty (pandas index) is ignored', async () => {
    const r = await read(',audience,overall\n0,customer,4\n1,customer,5\n')
    expect(r.source.columns.ignored).toEqual(['(unnamed column 1)'])
    expect(r.source.columns.attributes).toEqual([])
    expect(r.csiDefinition).toBe('overall')
  })

  test('--audience with an audience column keeps that audience only', async () => {
    const r = await read(csv, { audience: 'employee' })
    expect(r.groups.map((g) => g.audience)).toEqual(['employee'])
    expect(r.source).toMatchObject({ rows: 4, rowsUsed: 1 })
  })

  test('an identifier column is not taken as a rating', async () => {
    const r = await read('id,CustomerID,q1,q2\n101,9001,4,5\n102,9002,3,\n', {
      audience: 'retailer',
    })
    expect(r.source.columns).toMatchObject({
      attributes: ['q1', 'q2'],
      ignored: ['id', 'CustomerID'],
    })
    expect(r.csiDefinition).toBe('attributes')
  })

  test('--na codes are compared after trimming; NA only when given', async () => {
    const text = 'audience,overall\ncustomer, NA \ncustomer,4\n'
    expect(await refusal(text)).toContain('If "NA" means "not applicable", pass --na NA.')
    const r = await read(text, { na: ['NA'] })
    const g = r.groups[0]
    expect(!g.suppressed && g.overall).toMatchObject({ n: 1, missing: 1, mean: 4 })
  })

  test('4.0 is the rating 4; 4.5 is refused as a fraction', async () => {
    const r = await read('audience,overall\ncustomer,4.0\n')
    expect(!r.groups[0].suppressed && r.groups[0].overall.mean).toBe(4)
    expect(await refusal('audience,overall\ncustomer,4.5\n')).toContain(
      'Ratings must be whole numbers',
    )
  })

  test.each([
    ['overall,rebuy\n4,5\n', {}, '--audience: the file has no "audience" column'],
    [
      'audience,overall\ncustomer,4\nboss,5\n',
      {},
      'row 3, column "audience": "boss" is not one of customer, wholesaler, retailer, employee',
    ],
    ['audience,overall,rebuy\ncustomer,4\n', {}, 'row 2 has 2 fields but the header has 3'],
    ['audience,overall,rebuy\ncustomer,4,5,x\n', {}, 'row 2 has 4 fields but the header has 3'],
    ['audience,overall,overall\ncustomer,4,5\n', {}, 'row 1: column "overall" appears twice'],
    [
      'audience,Region,overall,region\ncustomer,a,4,b\n',
      {},
      'row 1: column "Region" appears twice in the header ("Region", "region": names ignore letter case)',
    ],
    ['', {}, 'the file is empty'],
    ['audience,overall\n', {}, 'the file has a header but no responses'],
    ['audience,region\ncustomer,north\n', {}, 'no rating columns found'],
    [
      'audience,q1\ncustomer,4\n',
      { csi: 'overall' },
      '--csi overall: the file has no overall column',
    ],
    [
      'audience,overall,q1\ncustomer,4,4\n',
      { csi: 'overall-rebuy' },
      '--csi overall-rebuy: the file has no rebuy column',
    ],
    [
      'audience,overall\ncustomer,4\n',
      { audience: 'retailer' },
      '--audience: no rows with audience "retailer"',
    ],
    [csv, { by: ['country'] }, '--by: the file has no column "country"'],
    [csv, { by: ['quality'] }, '--by: "quality" is a rating column, not a segment'],
    [csv, { by: ['respondent'] }, '--by: "respondent" cannot be a segment'],
    [csv, { rebuy: 'again' }, '--rebuy: the file has no column "again"'],
    [csv, { attributes: ['delivery,speed'] }, '--attributes: the file has no column "speed"'],
    [
      csv,
      { attributes: ['delivery,overall'] },
      '--attributes: "overall" is the audience, overall or rebuy column',
    ],
  ] as const)('refuses %j %j: %s', async (text, raw, message) => {
    expect(await refusal(text, raw as RawReportOptions)).toContain(message)
  })

  test('column names and options match ignoring letter case', async () => {
    const text =
      'Respondent,AUDIENCE,Region,Overall,Rebuy,Delivery,IMP_Delivery\nc1,customer,n,4,5,3,5\n'
    const r = await read(text, { by: ['region'], attributes: ['delivery'], overall: 'OVERALL' })
    expect(r.source.columns).toMatchObject({
      audience: 'AUDIENCE',
      overall: 'Overall',
      rebuy: 'Rebuy',
      attributes: ['Delivery'],
      importance: ['IMP_Delivery'],
      segments: ['Region'],
      ignored: ['Respondent'],
    })
    expect(r.groups.map((g) => g.segment)).toEqual([null, { column: 'Region', value: 'n' }])
  })

  test('lists the first five refused rows and counts the rest', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `customer,${i % 2 ? 4 : 9}`)
    const message = await refusal(['audience,overall', ...rows].join('\n'))
    expect(message).toBe(
      'row 2, column "overall": "9" is not an integer 1–5, empty, or an --na code. 4 rows refused: ' +
        '2 (overall "9"), 4 (overall "9"), 6 (overall "9"), 8 (overall "9"). ' +
        'Only 1–5 ratings are accepted; this column looks like a wider scale. Nothing was reported.',
    )
  })

  test('folds more rows than the sample and the batch in constant steps', async () => {
    const rows = Array.from(
      { length: 4500 },
      (_, i) => `customer,${(i % 5) + 1},${((i + 1) % 5) + 1}`,
    )
    const r = await read(['audience,overall,rebuy', ...rows].join('\n'))
    const g = r.groups[0]
    // 900 of each value 1..5 → mean 3
    expect(!g.suppressed && g.overall).toMatchObject({ n: 4500, mean: 3 })
  })
})

describe('parseReportOptions()', () => {
  test.each([
    [{ format: 'xml' }, '--format: "xml" is not one of md, csv, json'],
    [{ csi: 'best' }, '--csi: "best" is not one of overall, overall-rebuy, attributes, weighted'],
    [{ scale: 'log' }, '--scale: "log" is not one of linear, proportional, anchored10'],
    [
      { compare: 'employee-customer' },
      '--compare: "employee-customer" must be <audienceA>:<audienceB>',
    ],
    [{ compare: 'boss:customer' }, '--compare: "boss:customer" must be'],
    [
      { compare: 'customer:customer' },
      '--compare: "customer:customer" compares an audience with itself',
    ],
    [{ minGroup: '2' }, '--min-group: "2" must be a whole number of at least 3'],
    [{ minGroup: '4.5' }, '--min-group: "4.5" must be a whole number'],
    [{ minGroup: 'five' }, '--min-group: "five" must be a whole number'],
    [{ sort: 'name' }, '--sort: "name" is not one of mean, importance'],
    [{ audience: 'boss' }, '--audience: "boss" is not one of'],
    [{ na: [' , '] }, '--na: no codes given'],
    [{ attributes: ['a,b,a'] }, '--attributes: "a" is named twice'],
  ] as const)('%j is refused naming the option', (raw, message) => {
    expect(() => parseReportOptions(raw as RawReportOptions)).toThrow(message)
  })

  test('defaults: md, sorted by mean; lists split on commas and repeats', () => {
    const req = parseReportOptions({ by: ['region, size', 'channel'], na: ['0', 'NA,-99'] })
    expect(req).toMatchObject({
      format: 'md',
      by: ['region', 'size', 'channel'],
      na: ['0', 'NA', '-99'],
    })
    expect(req.report).toMatchObject({ sort: 'mean', by: ['region', 'size', 'channel'] })
    expect(
      parseReportOptions({ compare: 'retailer:customer', minGroup: '7' }).report,
    ).toMatchObject({
      compare: [['retailer', 'customer']],
      minGroup: 7,
    })
  })
})
