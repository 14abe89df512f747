import { describe, expect, test } from 'vitest'
import {
  reportFromResponses,
  type GroupReport,
  type ReportOptions,
  type ResponseRecord,
} from '../../reports/index'
import { makeResponse } from './fixtures/responses'

const group = (rs: ResponseRecord[], options: ReportOptions = {}, audience = 'customer') => {
  const g = reportFromResponses(rs, options).groups.find((x) => x.audience === audience)
  if (!g || g.suppressed) throw new Error('no group')
  return g as GroupReport
}

const pairs = (ps: [number | null, number | null][]) =>
  ps.map(([overall, rebuy]) => makeResponse({ overall, rebuy }))

describe('CSI-2 overall-rebuy (default)', () => {
  // by hand: s = 4.5, 3, 5 → mean 12.5/3; var(o) = 1, var(r) = 4/3, var(o + r) = 13/3,
  // α = 2(1 − (7/3)/(13/3)) = 12/13, r = 1/√(4/3) = √3/2; the 4th respondent is partial
  const rs = pairs([
    [4, 5],
    [3, 3],
    [5, 5],
    [2, null],
  ])
  const c = group(rs).csi

  test('mean, SD, α, r, partial base, components', () => {
    expect(c.definition).toBe('overall-rebuy')
    expect(c.n).toBe(3)
    expect(c.mean).toBeCloseTo(12.5 / 3, 14)
    expect(c.sd).toBeCloseTo(Math.sqrt(13 / 12), 14)
    expect(c.alpha).toBeCloseTo(12 / 13, 14)
    expect(c.r).toBeCloseTo(Math.sqrt(3) / 2, 14)
    expect(c.nPartial).toBe(1)
    expect(c.components?.overall).toMatchObject({ n: 4, mean: 3.5, missing: 0 })
    expect(c.components?.rebuy).toMatchObject({ n: 3, missing: 1 })
    expect(c.score10).toBeCloseTo(((12.5 / 3 - 1) / 4) * 10, 14)
    expect(c.index100).toBeCloseTo((c.score10 as number) * 10, 14)
  })

  test('α < 0.60: combined number withheld, components shown', () => {
    // by hand: o = 1 5 1 5, r = 1 1 5 5 → r = 0, var(o + r) = var(o) + var(r) → α = 0
    const d = group(
      pairs([
        [1, 1],
        [5, 1],
        [1, 5],
        [5, 5],
      ]),
    ).csi
    expect(d).toMatchObject({ n: 4, mean: null, sd: null, ciLow: null, score10: null, band: null })
    expect(d.alpha).toBeCloseTo(0, 14)
    expect(d.reason).toMatch(/^components diverge/)
    expect(d.components?.overall.mean).toBe(3)
    expect(d.components?.rebuy.mean).toBe(3)
  })

  test('no variance: α not computable, published with a warning', () => {
    const d = group(
      pairs([
        [3, 3],
        [3, 3],
      ]),
    ).csi
    expect(d).toMatchObject({ n: 2, mean: 3, sd: 0, ciLow: 3, ciHigh: 3, alpha: null, r: null })
    expect(d.warnings).toEqual([
      'coherence not checked: alpha undefined: the sum score has no variance',
    ])
  })

  test('no answers at all → nulls with a reason', () => {
    const d = group([makeResponse({ attributes: { q: 3 } })]).csi
    expect(d).toMatchObject({
      n: 0,
      mean: null,
      score10: null,
      index100: null,
      reason: 'no answers',
    })
  })
})

describe('other definitions', () => {
  test('CSI-1 overall; index100 null under anchored10', () => {
    const c = group(
      pairs([
        [4, null],
        [5, 1],
      ]),
      { csi: 'overall', scale: 'anchored10' },
    ).csi
    expect(c).toMatchObject({ definition: 'overall', n: 2, mean: 4.5, index100: null, alpha: null })
    expect(c.score10).toBe(1 + (3.5 * 9) / 4)
  })

  test('CSI-3 attributes: equal-weight mean of the attribute means, no CI', () => {
    const rs = [
      makeResponse({ attributes: { a: 4, b: 2, c: null } }),
      makeResponse({ attributes: { a: 4, b: null, c: null } }),
    ]
    const c = group(rs, { csi: 'attributes' }).csi
    expect(c).toMatchObject({ definition: 'attributes', n: 2, mean: 3, sd: null, ciLow: null })
    expect(c.score10).toBe(5)
    expect(c.warnings).toEqual([
      'attributes without a mean left out: c',
      'coherence not checked: fewer than 2 respondents rated every attribute',
    ])
  })

  test('CSI-4 weighted by stated importance when derived importance is gated', () => {
    // by hand: means q 4, d 2; stated 5 and 3 → (5·4 + 3·2)/8 = 3.25
    const rs = [1, 2].map(() =>
      makeResponse({ overall: 4, attributes: { q: 4, d: 2 }, importance: { q: 5, d: 3 } }),
    )
    const c = group(rs, { csi: 'weighted' }).csi
    expect(c.weightsSource).toBe('stated')
    expect(c.mean).toBeCloseTo(3.25, 15)
    expect(c.weights).toEqual({ q: 0.625, d: 0.375 })
  })

  test('CSI-4 falls back to r clipped at 0; an incoherent battery is withheld', () => {
    // by hand: overall 1 2 3, a = overall (r = 1), b = 3 3 2 (r < 0 → weight 0) → mean of a = 2;
    // α(a, b) = 2(1 − (1 + 1/3)/(1/3)) = −6 < 0.60
    const rs = [
      [1, 1, 3],
      [2, 2, 3],
      [3, 3, 2],
    ].map(([overall, a, b]) => makeResponse({ overall, attributes: { a, b } }))
    const c = group(rs, { csi: 'weighted', alphaMin: -10 }).csi
    expect(c.weightsSource).toBe('correlation')
    expect(c.weights).toEqual({ a: 1, b: 0 })
    expect(c.mean).toBeCloseTo(2, 15)
    const guarded = group(rs, { csi: 'weighted' }).csi
    expect(guarded.mean).toBeNull()
    expect(guarded.alpha).toBeCloseTo(-6, 12)
    expect(guarded.reason).toMatch(/attribute battery incoherent/)
  })

  test('employees without overall/rebuy: CSI has no answers, not suppressed', () => {
    const rs = [1, 2, 3, 4, 5].map(() =>
      makeResponse({ audience: 'employee', attributes: { q: 4 } }),
    )
    const c = group(rs, {}, 'employee').csi
    expect(c).toMatchObject({ n: 0, mean: null, suppressed: false, reason: 'no answers' })
  })
})
