import { describe, expect, test } from 'vitest'
import { attitudeTable, type AttitudeCounts } from '../../reports/index'

// Worked by hand (values checked with an independent Python computation):
// pride counts [0, 0, 1, 2, 2] → n 5, Σx 21, Σx² 91, mean 4.2, s² = (5·91 − 21²)/(5·4) = 0.7,
// s = 0.836660026534076, t(0.975, 4) = 2.776445105197799 → CI 3.161149366316436 … 5.238850633683570;
// /10 linear (4.2 − 1)/4·10 = 8 → strength; top-2-box 4/5, Wilson 0.375534629762525 … 0.963775891367570.
const wave: AttitudeCounts = {
  group: 'employee',
  parent: null,
  items: { pride: [0, 0, 1, 2, 2], training: [1, 1, 0, 0, 0] },
}

describe('attitudeTable()', () => {
  test('n, mean with t-interval, /10 score and band, top-2-box with Wilson interval', () => {
    const [g] = attitudeTable([wave], ['pride'], { minGroup: 5 })
    const row = g!.rows[0]!
    expect(row.n).toBe(5)
    expect(row.mean!.mean).toBeCloseTo(4.2, 12)
    expect(row.mean!.sd).toBeCloseTo(0.836660026534076, 12)
    expect(row.mean!.ciLow).toBeCloseTo(3.161149366316436, 9)
    expect(row.mean!.ciHigh).toBeCloseTo(5.23885063368357, 9)
    expect(row.score10).toBeCloseTo(8, 12)
    expect(row.band).toBe('strength')
    expect(row.top2!.p).toBe(0.8)
    expect(row.top2!.ciLow).toBeCloseTo(0.375534629762525, 9)
    expect(row.top2!.ciHigh).toBeCloseTo(0.96377589136757, 9)
    expect(row.suppressed).toBeNull()
  })

  test('an item with fewer than k answers is withheld, with no number left in it', () => {
    const [g] = attitudeTable([wave], ['training'], { minGroup: 5 })
    expect(g!.rows[0]).toEqual({
      key: 'training',
      n: 0,
      mean: null,
      score10: null,
      band: null,
      top2: null,
      suppressed: expect.stringMatching(/^anonymity/),
    })
  })

  test('a breakout that could be recovered by subtraction from the wave is withheld too', () => {
    const groups: AttitudeCounts[] = [
      { group: 'employee', parent: null, items: { pride: [0, 1, 2, 3, 4] } },
      { group: 'employee/department=sales', parent: 'employee', items: { pride: [0, 1, 1, 3, 3] } },
      { group: 'employee/department=ops', parent: 'employee', items: { pride: [0, 0, 1, 0, 1] } },
    ]
    const [all, sales, ops] = attitudeTable(groups, ['pride'], { minGroup: 5 })
    expect(all!.rows[0]!.n).toBe(10)
    // ops has 2 answers (< 5); sales (8) would give ops away as 10 − 8: both withheld.
    expect(ops!.rows[0]!.suppressed).not.toBeNull()
    expect(sales!.rows[0]!.suppressed).not.toBeNull()
    expect(sales!.rows[0]!.mean).toBeNull()
  })
})
