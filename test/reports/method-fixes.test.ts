import { describe, expect, test } from 'vitest'
import { ipaQuadrants, mannWhitney, perceptionGaps, reportFromResponses } from '../../reports/index'
import type { GroupReport } from '../../reports/report-types'
import { makeResponse } from './fixtures/responses'

// Issue 19, fixes 1–3. Expected values: test/reports/fixtures/method-fixes-expected.py (numpy
// 2.4.6, scipy 1.17.1), printed there and pasted here; compared to 1e-9 or better.

const countsOf = (values: readonly number[]) =>
  [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length)

describe('Mann–Whitney only where a test exists (METHODOLOGY §5.2)', () => {
  test('no U for n < 2 in a group or for two constant groups', () => {
    expect(mannWhitney(countsOf([5, 4, 5]), countsOf([2]))).toBeNull()
    expect(mannWhitney(countsOf([5, 5, 5]), countsOf([2, 2, 2, 2]))).toBeNull()
    // one constant group is still a test: U = 12 (every 5 above every 2 or 3), by hand
    expect(mannWhitney(countsOf([5, 5, 5]), countsOf([2, 3, 2, 2]))?.u).toBe(12)
  })

  test('untested rows stay out of both Holm families', () => {
    const rows = perceptionGaps(
      [
        { key: 'q1', a: countsOf([5, 5, 4, 5, 4, 5]), b: countsOf([3, 2, 3, 4, 2, 3, 3]) },
        { key: 'one', a: countsOf([5, 4, 5, 5, 4, 5]), b: countsOf([2]) },
        { key: 'q2', a: countsOf([4, 4, 5, 3, 4, 4]), b: countsOf([3, 4, 3, 4, 3, 4, 3]) },
        { key: 'const', a: countsOf([5, 5, 5, 5, 5, 5]), b: countsOf([2, 2, 2, 2, 2, 2, 2]) },
        { key: 'q3', a: countsOf([4, 3, 4, 5, 4, 3]), b: countsOf([4, 3, 4, 4, 3, 4, 5]) },
      ].map((it) => ({ ...it, suppressed: null })),
      'employee',
      'customer',
    )
    const by = Object.fromEntries(rows.map((r) => [r.key, r]))
    for (const key of ['one', 'const']) {
      expect(by[key]).toMatchObject({ verdict: 'descriptive-only', u: null, pMwu: null })
      expect(by[key]).toMatchObject({ pMwuAdjusted: null, p: null, pAdjusted: null })
    }
    // scipy: Welch p, then Holm over the three real tests only
    const welch = { q1: 0.0002290474275057452, q2: 0.11224103314568039, q3: 0.9540239805094198 }
    const holm = { q1: 0.0006871422825172356, q2: 0.22448206629136078, q3: 0.9540239805094198 }
    const mwu = { q1: 0.0038942233612901406, q2: 0.1270750827817516, q3: 1 }
    const mwuHolm = { q1: 0.011682670083870422, q2: 0.2541501655635032, q3: 1 }
    const u = { q1: 41, q2: 31, q3: 20.5 }
    for (const key of ['q1', 'q2', 'q3'] as const) {
      expect(Math.abs(by[key].p! - welch[key])).toBeLessThan(1e-12)
      expect(Math.abs(by[key].pAdjusted! - holm[key])).toBeLessThan(1e-12)
      expect(Math.abs(by[key].pMwu! - mwu[key])).toBeLessThan(1e-12)
      expect(Math.abs(by[key].pMwuAdjusted! - mwuHolm[key])).toBeLessThan(1e-12)
      expect(by[key].u).toBe(u[key])
    }
  })
})

describe('a point on the IPA crosshair is high (METHODOLOGY §4.3)', () => {
  test('the grand mean of 2.6, 3.8 and 5.0 lands an ulp above 3.8; 3.8 still counts as high', () => {
    expect((13 / 5 + 19 / 5 + 25 / 5) / 3).toBe(3.8000000000000003) // the float trap itself
    const ipa = ipaQuadrants(
      [
        { importance: 0.5, performance: 13 / 5 },
        { importance: 0.5, performance: 19 / 5 },
        { importance: 0.1, performance: 25 / 5 },
      ],
      'r',
    )
    // exact grand mean 57/15 = 3.8: the middle point is on the crosshair → high performance
    expect(ipa.quadrants).toEqual(['concentrate-here', 'keep-up', 'possible-overkill'])
  })

  test('on the importance crosshair is high importance too', () => {
    // mean of 0.2, 0.6, 0.4 is exactly 0.4; the float mean is 0.4000000000000001
    expect((0.2 + 0.6 + 0.4) / 3).toBe(0.4000000000000001)
    const ipa = ipaQuadrants(
      [
        { importance: 0.2, performance: 2 },
        { importance: 0.6, performance: 4 },
        { importance: 0.4, performance: 2 },
      ],
      'r',
    )
    expect(ipa.quadrants[2]).toBe('concentrate-here')
  })

  test('in a report: the attribute at the grand mean keeps its "high" place', () => {
    // 5 customers; attribute sums 13, 19, 25 (means 2.6, 3.8, 5.0), worked by hand
    const a = [2, 3, 3, 2, 3]
    const b = [4, 4, 3, 4, 4]
    // stated importance 5, 5, 3 (crosshair 13/3): a and b are important, c is not
    const importance = { a: 5, b: 5, c: 3 }
    const rs = a.map((x, i) =>
      makeResponse({ overall: b[i], rebuy: b[i], attributes: { a: x, b: b[i], c: 5 }, importance }),
    )
    const g = reportFromResponses(rs).groups[0] as GroupReport
    expect(g.attributes.map((r) => r.mean)).toEqual([2.6, 3.8, 5])
    expect(g.importanceModel.crosshair.performance).toBe(3.8000000000000003)
    expect(g.attributes.map((r) => r.quadrant)).toEqual([
      'concentrate-here',
      'keep-up',
      'possible-overkill',
    ])
  })
})

describe('the attributes’ α over everyone who rated every attribute (METHODOLOGY §6.5)', () => {
  const battery = [
    [4, 4, 4],
    [5, 4, 4],
    [4, 4, 4],
    [3, 2, 4],
    [4, 5, 4],
    [2, 3, 3],
    [4, 4, 3],
    [1, 5, 4],
  ]
  const overall = [4, 4, 4, 3, 5, 3, 4, null]
  const rs = battery.map(([a, b, c], i) =>
    makeResponse({ overall: overall[i], rebuy: overall[i], attributes: { a, b, c } }),
  )

  test('the respondent who skipped overall counts: α 0.234375 over 8, not 0.69375 over 7', () => {
    const g = reportFromResponses(rs, { csi: 'attributes' }).groups[0] as GroupReport
    expect(g.importanceModel.alphaN).toBe(8)
    expect(g.importanceModel.n).toBe(7) // importance still needs overall
    expect(Math.abs(g.importanceModel.alpha! - 0.234375)).toBeLessThan(1e-12)
    // α < 0.60 over the right cases: the equal-weight CSI is withheld
    expect(g.csi.mean).toBeNull()
    expect(g.csi.reason).toBe('attribute battery incoherent: alpha 0.23 < 0.6')
  })

  test('the same 7 with overall publish (α 0.69375), as the guard should', () => {
    const g = reportFromResponses(rs.slice(0, 7), { csi: 'attributes' }).groups[0] as GroupReport
    expect(g.importanceModel.alphaN).toBe(7)
    expect(Math.abs(g.importanceModel.alpha! - 0.69375)).toBeLessThan(1e-12)
    expect(g.csi.mean).not.toBeNull()
  })
})

describe('no quadrant from r below the sample-size gate (METHODOLOGY §4.2)', () => {
  test('5 cases for 3 attributes (gate 74): r is shown, no quadrant is named', () => {
    const rs = [
      [4, 3, 4, 5],
      [5, 4, 5, 4],
      [3, 2, 3, 3],
      [4, 4, 4, 5],
      [2, 2, 1, 3],
    ].map(([overall, a, b, c]) =>
      makeResponse({ overall, rebuy: overall, attributes: { a, b, c } }),
    )
    const g = reportFromResponses(rs).groups[0] as GroupReport
    expect(g.importanceModel).toMatchObject({ n: 5, required: 74, gatePassed: false })
    expect(g.attributes.every((r) => r.importance.r !== null)).toBe(true)
    expect(g.attributes.map((r) => r.quadrant)).toEqual([null, null, null])
    // with the gate switched off the shares exist and quadrants are named again
    const open = reportFromResponses(rs, { importanceGate: false }).groups[0] as GroupReport
    expect(open.attributes.every((r) => r.quadrant !== null)).toBe(true)
  })
})
