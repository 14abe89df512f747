import { describe, expect, test } from 'vitest'
import {
  derivedImportance,
  greenMinimum,
  ipaQuadrants,
  jacobiEigen,
  lmg,
  relativeWeights,
  subsetR2,
} from '../../reports/index'

// Two predictors, r12 = .5, r_y = (.6, .4). By hand (METHODOLOGY §4.2):
// R² = (r1² + r2² − 2 r1 r2 r12)/(1 − r12²) = .28/.75; φ1 = ½[r1² + (R² − r2²)], φ2 likewise.
const R2 = 0.28 / 0.75
const two = {
  r: [
    [1, 0.5],
    [0.5, 1],
  ],
  ry: [0.6, 0.4],
}

describe('lmg()', () => {
  test('two predictors: closed form', () => {
    const { phi, r2 } = lmg(two.r, two.ry)
    expect(r2).toBeCloseTo(R2, 15)
    expect(phi[0]).toBeCloseTo(0.5 * (0.36 + R2 - 0.16), 15)
    expect(phi[1]).toBeCloseTo(0.5 * (0.16 + R2 - 0.36), 15)
  })

  test('orthogonal predictors: φ_j = r_j²', () => {
    expect(
      lmg(
        [
          [1, 0],
          [0, 1],
        ],
        [0.3, 0.4],
      ).phi.map((x) => +x.toFixed(15)),
    ).toEqual([0.09, 0.16])
    expect(
      [
        ...subsetR2(
          [
            [1, 0],
            [0, 1],
          ],
          [0.3, 0.4],
        ),
      ].map((x) => +x.toFixed(15)),
    ).toEqual([0, 0.09, 0.16, 0.25])
  })

  test('perfectly collinear predictors share equally, R² from the pseudo-inverse', () => {
    const { phi, r2 } = lmg(
      [
        [1, 1],
        [1, 1],
      ],
      [0.5, 0.5],
    )
    expect(r2).toBeCloseTo(0.25, 15)
    expect(phi[0]).toBeCloseTo(0.125, 15)
    expect(phi[1]).toBeCloseTo(0.125, 15)
  })

  test('k > 20 is refused', () => {
    const id = Array.from({ length: 21 }, (_, i) =>
      Array.from({ length: 21 }, (__, j) => (i === j ? 1 : 0)),
    )
    expect(() => lmg(id, new Array<number>(21).fill(0.1))).toThrow(RangeError)
  })
})

describe('relativeWeights()', () => {
  test('orthogonal predictors: ε_j = r_j²; sum = R²', () => {
    const { eps, r2 } = relativeWeights(
      [
        [1, 0],
        [0, 1],
      ],
      [0.3, 0.4],
    )
    expect(eps[0]).toBeCloseTo(0.09, 15)
    expect(eps[1]).toBeCloseTo(0.16, 15)
    expect(r2).toBeCloseTo(0.25, 15)
  })

  test('two correlated predictors: Σε = R²', () => {
    expect(relativeWeights(two.r, two.ry).r2).toBeCloseTo(R2, 14)
  })

  test('jacobiEigen([[2, 1], [1, 2]]) → 1 and 3', () => {
    expect(
      jacobiEigen([
        [2, 1],
        [1, 2],
      ])
        .values.sort()
        .map((x) => +x.toFixed(14)),
    ).toEqual([1, 3])
  })
})

describe('derivedImportance() (gate N ≥ 50 + 8k)', () => {
  // centred cross-products with unit variances = the correlation matrix (DV first)
  const c = [
    [1, 0.6, 0.4],
    [0.6, 1, 0.5],
    [0.4, 0.5, 1],
  ]
  test('greenMinimum(k) = 50 + 8k', () => expect(greenMinimum(5)).toBe(90))

  test('n = 65 for k = 2 is below the gate (66): bivariate r only', () => {
    const d = derivedImportance(65, c)
    expect(d.r).toEqual([0.6, 0.4])
    expect(d.method).toBeNull()
    expect(d.share).toEqual([null, null])
    expect(d.reason).toBe('derived importance needs 66 complete cases, has 65')
  })

  test('n = 66 passes: LMG shares', () => {
    const d = derivedImportance(66, c)
    expect(d.method).toBe('lmg')
    expect(d.share[0]).toBeCloseTo((0.5 * (0.36 + R2 - 0.16)) / R2, 14)
    expect(d.share[1]).toBeCloseTo((0.5 * (0.16 + R2 - 0.36)) / R2, 14)
  })

  test('constant attribute: r null, φ 0; too few cases for k predictors', () => {
    const withConstant = [
      [1, 0.6, 0],
      [0.6, 1, 0],
      [0, 0, 0],
    ]
    const d = derivedImportance(100, withConstant)
    expect(d.r).toEqual([0.6, null])
    expect(d.phi[0]).toBeCloseTo(0.36, 15)
    expect(d.phi[1]).toBe(0)
    expect(derivedImportance(3, c, 'auto', false).reason).toBe(
      '3 complete cases cannot fit 2 predictors',
    )
    expect(derivedImportance(2, c).reason).toBe('fewer than 3 complete cases')
  })

  test('auto uses relative weights above 15 attributes', () => {
    const k = 16
    const big = Array.from({ length: k + 1 }, (_, i) =>
      Array.from({ length: k + 1 }, (__, j) => (i === j ? 1 : i === 0 || j === 0 ? 0.1 : 0)),
    )
    const d = derivedImportance(50 + 8 * k, big)
    expect(d.method).toBe('rw')
    d.phi.forEach((p) => expect(p).toBeCloseTo(0.01, 14))
  })
})

describe('ipaQuadrants() (METHODOLOGY §4.3)', () => {
  test('points on a crosshair count as high; null coordinates get null', () => {
    const res = ipaQuadrants(
      [
        { importance: 0.5, performance: 3 },
        { importance: 0.25, performance: 4 },
        { importance: 0.25, performance: 2 },
        { importance: null, performance: 5 },
      ],
      'share',
      'grand-mean',
      4,
    )
    // crosshairs: importance 1/4, performance (3 + 4 + 2 + 5)/4 = 3.5
    expect(res.importance).toBe(0.25)
    expect(res.performance).toBe(3.5)
    expect(res.quadrants).toEqual(['concentrate-here', 'keep-up', 'concentrate-here', null])
  })

  test('scale-midpoint with stated importance: 3 and 3', () => {
    const res = ipaQuadrants(
      [
        { importance: 2, performance: 3.5 },
        { importance: 2.9, performance: 2.9 },
      ],
      'stated',
      'scale-midpoint',
    )
    expect(res.quadrants).toEqual(['possible-overkill', 'low-priority'])
  })
})
