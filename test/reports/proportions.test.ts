import { describe, expect, test } from 'vitest'
import { Z975, aaporRates, netScore, netSatisfaction, topTwoBox, wilson } from '../../reports/index'

describe('wilson() (METHODOLOGY §6.2)', () => {
  test('0 of 10: [0, z²/(n + z²)] (closed form of the score interval at p̂ = 0)', () => {
    const w = wilson(0, 10)
    expect(w.p).toBe(0)
    expect(w.ciLow).toBeCloseTo(0, 15)
    expect(w.ciHigh).toBeCloseTo((Z975 * Z975) / (10 + Z975 * Z975), 15)
  })

  test('n = 0 → null, never NaN', () => {
    expect(wilson(0, 0)).toEqual({ count: 0, n: 0, p: null, ciLow: null, ciHigh: null })
  })

  test('top-2-box counts 4 and 5', () => {
    expect(topTwoBox([1, 1, 1, 2, 3])).toMatchObject({ count: 5, n: 8, p: 0.625 })
  })
})

describe('netScore() adjusted Wald (METHODOLOGY §6.3)', () => {
  test('5 of 5 on top: p_t = 5.75/8, p_b = 0.75/8, upper limit clipped to 1', () => {
    // by hand: adj = 0.625, Var = (0.8125 − 0.390625)/8 = 0.052734375
    const n = netScore(5, 0, 5)
    expect(n.value).toBe(1)
    expect(n.ciLow).toBeCloseTo(0.625 - Z975 * Math.sqrt(0.052734375), 15)
    expect(n.ciHigh).toBe(1)
  })

  test('net satisfaction = T2B − B2B from counts', () => {
    expect(netSatisfaction([1, 1, 0, 1, 1]).value).toBe(0)
    expect(netSatisfaction([0, 0, 0, 0, 0]).value).toBeNull()
  })
})

describe('aaporRates() (METHODOLOGY §6.8, §9 dispositions)', () => {
  test('I=12 P=1 R=6 NC=25 O=1 UO=8 NE=6', () => {
    const r = aaporRates({
      complete: 12,
      partial: 1,
      refusal: 6,
      nonContact: 25,
      other: 1,
      unknownEligibility: 8,
      notEligible: 6,
    })
    // by hand: e = 45/51, RR1 = 12/53, RR2 = 13/53, RR3 = 12·17/885, RR4 = 13·17/885, COOP1 = 12/20
    expect(r.e).toBeCloseTo(45 / 51, 15)
    expect(r.rr1).toBeCloseTo(12 / 53, 15)
    expect(r.rr2).toBeCloseTo(13 / 53, 15)
    expect(r.rr3).toBeCloseTo(204 / 885, 15)
    expect(r.rr4).toBeCloseTo(221 / 885, 15)
    expect(r.coop1).toBeCloseTo(0.6, 15)
  })
})
