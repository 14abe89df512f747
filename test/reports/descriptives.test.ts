import { describe, expect, test } from 'vitest'
import {
  band,
  meanCi,
  momentsFromCounts,
  ratioToScore10,
  reportFromResponses,
  toIndex100,
  toScore10,
  type GroupReport,
  type ReportOptions,
  type ResponseRecord,
  type ScaleMapping,
} from '../../reports/index'
import { makeResponse, ratings } from './fixtures/responses'

const countsOf = (values: readonly number[]) =>
  [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length)

const customers = (rs: ResponseRecord[], options: ReportOptions = {}): GroupReport => {
  const g = reportFromResponses(rs, options).groups.find((x) => x.audience === 'customer')
  if (!g || g.suppressed) throw new Error('no customer group')
  return g
}

describe('toScore10() / toIndex100() (METHODOLOGY §1 table)', () => {
  test.each([
    // mapping, m, /10 (from the §1 table: 1 →, 3 →, 4 →, 5 →)
    ['linear', 1, 0],
    ['linear', 3, 5],
    ['linear', 4, 7.5],
    ['linear', 5, 10],
    ['proportional', 1, 2],
    ['proportional', 3, 6],
    ['proportional', 4, 8],
    ['anchored10', 1, 1],
    ['anchored10', 3, 5.5],
    ['anchored10', 4, 7.75],
    ['anchored10', 5, 10],
  ] as const)('%s(%d) = %d', (mapping, m, want) => {
    expect(toScore10(m, mapping)).toBeCloseTo(want, 12)
  })

  test('/100 is 10 × /10, and undefined for anchored10', () => {
    expect(toIndex100(6.875, 'linear')).toBe(68.75)
    expect(toIndex100(7.5, 'proportional')).toBe(75)
    expect(toIndex100(7.5, 'anchored10')).toBeNull()
    expect(toScore10(null)).toBeNull()
  })
})

describe('means exactly on the 7.0 and 8.0 cut-offs', () => {
  // Σ/n chosen so that the mapped mean is exactly the cut-off (METHODOLOGY §1 back-mapping table):
  // linear 3.8 = 19/5 → 7, 4.2 = 21/5 → 8; ×2 3.5 = 7/2 → 7, 4 → 8; anchored 11/3 → 7, 37/9 → 8.
  test.each([
    ['linear', [4, 4, 4, 4, 3], 7, 'adequate'],
    ['linear', [5, 4, 4, 4, 4], 8, 'strength'],
    ['proportional', [4, 3], 7, 'adequate'],
    ['proportional', [4, 4], 8, 'strength'],
    ['anchored10', [4, 4, 3], 7, 'adequate'],
    ['anchored10', [5, 5, 4, 4, 4, 4, 4, 4, 3], 8, 'strength'],
  ] as const)('%s %j → %d (%s)', (mapping: ScaleMapping, values, want, wantBand) => {
    const m = momentsFromCounts(countsOf(values))
    expect(ratioToScore10(m.sum, m.n, mapping)).toBe(want)
    expect(band(ratioToScore10(m.sum, m.n, mapping))).toBe(wantBand)
    const row = customers(ratings('customer', 'q', values), { scale: mapping }).attributes[0]
    expect(row.score10).toBe(want)
    expect(row.band).toBe(wantBand)
  })

  test('just below a cut-off is the lower band', () => {
    expect(band(7.999999999999999)).toBe('adequate')
    expect(band(6.999999999999999)).toBe('concern')
    expect(band(8, { strength: 9, adequate: 8 })).toBe('adequate')
  })
})

describe('meanCi() (METHODOLOGY §6.1)', () => {
  test('1..5: mean 3, sd √2.5, t(0.975, 4) = 2.7764451051977934 (scipy)', () => {
    const ci = meanCi(momentsFromCounts([1, 1, 1, 1, 1]))
    expect(ci.mean).toBe(3)
    expect(ci.sd).toBeCloseTo(1.5811388300841898, 14)
    expect(ci.ciLow).toBeCloseTo(1.0367568385224428, 9)
    expect(ci.ciHigh).toBeCloseTo(4.963243161477557, 9)
  })

  test('CSI-2 scores 4.5, 3, 5 (u = o + r with scale 2): scipy t.interval', () => {
    const ci = meanCi({ n: 3, sum: 9 + 6 + 10, sumSq: 81 + 36 + 100, scale: 2 })
    expect(ci.mean).toBeCloseTo(12.5 / 3, 14)
    expect(ci.sd).toBeCloseTo(1.0408329997330665, 14)
    expect(ci.ciLow).toBeCloseTo(1.5810941603955353, 9)
    expect(ci.ciHigh).toBeCloseTo(6.752239172937799, 9)
  })

  test.each([
    [
      'all missing',
      [0, 0, 0, 0, 0],
      { n: 0, mean: null, sd: null, ciLow: null, reason: 'no answers' },
    ],
    [
      'one respondent',
      [0, 0, 0, 1, 0],
      { n: 1, mean: 4, sd: null, ciLow: null, reason: 'n < 2: no SD or CI' },
    ],
    ['zero variance', [0, 0, 0, 3, 0], { n: 3, mean: 4, sd: 0, ciLow: 4, ciHigh: 4, reason: null }],
  ])('%s', (_name, counts, want) => {
    expect(meanCi(momentsFromCounts(counts))).toMatchObject(want)
  })
})

describe('attribute rows: missing data, flags, null never NaN', () => {
  test('all missing → nulls with a reason, missing counted', () => {
    const row = customers(ratings('customer', 'q', [null, null, null])).attributes[0]
    expect(row).toMatchObject({ n: 0, missing: 3, mean: null, sd: null, score10: null, band: null })
    expect(row.reason).toBe('no answers')
    expect(row.flags).toEqual([])
    expect(row.t2b).toEqual({ count: 0, n: 0, p: null, ciLow: null, ciHigh: null })
  })

  test('one respondent: mean and band, no CI, lowBase', () => {
    const row = customers(ratings('customer', 'q', [4])).attributes[0]
    expect(row).toMatchObject({
      n: 1,
      mean: 4,
      sd: null,
      ciLow: null,
      score10: 7.5,
      band: 'adequate',
    })
    expect(row.flags).toEqual(['lowBase'])
  })

  test('1..5 with 3 missing: bandUncertain, lowBase, insufficientPrecision, highMissing', () => {
    const row = customers(ratings('customer', 'q', [1, 2, 3, 4, 5, null, null, null])).attributes[0]
    // CI on /10 = [0.09, 9.91]: spans 7 and 8, half-width 4.9 > 1; 3/8 = 37.5% missing > 20%
    expect(row.flags).toEqual(['bandUncertain', 'lowBase', 'insufficientPrecision', 'highMissing'])
    expect(row.missing).toBe(3)
  })

  test('30 identical answers: no flags', () => {
    const row = customers(ratings('customer', 'q', new Array<number>(30).fill(5))).attributes[0]
    expect(row.flags).toEqual([])
    expect(row.score10).toBe(10)
  })

  test('a report of a single empty response is JSON-safe', () => {
    const report = reportFromResponses([makeResponse({ attributes: { q: null } })])
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })

  test('sort by mean (descending, nulls last) and by importance', () => {
    const rs = [
      makeResponse({ attributes: { a: 2, b: 5, c: null }, importance: { a: 5, b: 1 } }),
      makeResponse({ attributes: { a: 3, b: 4, c: null }, importance: { a: 4, b: 2 } }),
    ]
    const byMean = customers(rs, { sort: 'mean' }).attributes.map((r) => r.key)
    expect(byMean).toEqual(['b', 'a', 'c'])
    const byImportance = customers(rs, { sort: 'importance' }).attributes.map((r) => r.key)
    expect(byImportance).toEqual(['a', 'b', 'c'])
    expect(customers(rs, { attributes: ['c', 'a'] }).attributes.map((r) => r.key)).toEqual([
      'c',
      'a',
    ])
  })
})
