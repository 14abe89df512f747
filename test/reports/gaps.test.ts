import { describe, expect, test } from 'vitest'
import {
  cliffsDelta,
  gapVerdict,
  hedgesG,
  holm,
  benjaminiHochberg,
  mannWhitney,
  meanGap,
  perceptionGaps,
  reportFromResponses,
  welch,
  type GapThresholds,
} from '../../reports/index'
import { ratings, times } from './fixtures/responses'

const countsOf = (values: readonly number[]) =>
  [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length)

// Expected values from scipy 1.17.1: stats.ttest_ind(equal_var=False) (t, df, p,
// confidence_interval), stats.mannwhitneyu(method='asymptotic', use_continuity=True), Hedges g
// with the exact J via math.lgamma.
describe('Welch, Hedges g, Mann–Whitney, Cliff δ against scipy', () => {
  test.each([
    {
      name: 'small, unequal variances: A = [4, 5], B = [1, 2, 3]',
      a: [4, 5],
      b: [1, 2, 3],
      t: 3.273268353539886,
      df: 49 / 17, // (7/12)² / (1/16 + 1/18), by hand
      p: 0.04941625686257753,
      ci: [0.012266201794617793, 4.987733798205382],
      g: 1.9816636488030055,
      u: 6,
      pMwu: 0.14891467317876572,
      delta: 1,
    },
    {
      name: 'ties: A = [1, 2, 2, 3], B = [2, 3, 3, 4]',
      a: [1, 2, 2, 3],
      b: [2, 3, 3, 4],
      t: -1.7320508075688774,
      df: 6,
      p: 0.13397459621556124,
      ci: [-2.4127252159418386, 0.41272521594183886],
      g: -1.0638460810704862,
      // by hand: ranks 1 | 3 3 3 | 6 6 6 | 8 → R_A = 13, U_A = 3; Σ(t³ − t) = 48,
      // σ² = (16/12)(9 − 48/56), z = (13 − 8 − 0.5)/σ; δ = (1 − 11)/16
      u: 3,
      pMwu: 0.1720337089218229,
      delta: -0.625,
    },
    {
      name: 'very different sizes: 5 employees vs 1000 customers',
      a: [5, 5, 5, 5, 4],
      b: [...times(1, 100), ...times(2, 150), ...times(3, 250), ...times(4, 300), ...times(5, 200)],
      t: 7.115281942383894,
      df: 4.3116254043154285,
      p: 0.0015452070137877054,
      ci: [0.8999658076081041, 2.0000341923918956],
      g: 1.173786741286938,
      u: 4250,
      pMwu: 0.005441877830021489,
      delta: 4250 / 2500 - 1,
    },
  ])('$name', ({ a, b, t, df, p, ci, g, u, pMwu, delta }) => {
    const ca = countsOf(a)
    const cb = countsOf(b)
    const w = welch(ca, cb)
    expect(w?.t).toBeCloseTo(t, 12)
    expect(w?.df).toBeCloseTo(df, 12)
    expect(w?.p).toBeCloseTo(p, 12)
    expect(w?.ciLow).toBeCloseTo(ci[0], 9)
    expect(w?.ciHigh).toBeCloseTo(ci[1], 9)
    expect(hedgesG(ca, cb)?.g).toBeCloseTo(g, 12)
    expect(mannWhitney(ca, cb)?.u).toBe(u)
    expect(mannWhitney(ca, cb)?.p).toBeCloseTo(pMwu, 12)
    expect(cliffsDelta(ca, cb)).toBeCloseTo(delta, 15)
  })

  test('no test without variance or with n < 2; Δ and δ still given', () => {
    expect(welch(countsOf([4, 4, 4]), countsOf([4, 4]))).toBeNull()
    expect(hedgesG(countsOf([4, 4, 4]), countsOf([4, 4]))).toBeNull()
    expect(mannWhitney(countsOf([4, 4, 4]), countsOf([4, 4]))).toBeNull()
    expect(welch(countsOf([5]), countsOf([1, 2, 3]))).toBeNull()
    expect(meanGap(countsOf([4, 4, 4]), countsOf([4, 4]))).toBe(0)
    expect(cliffsDelta(countsOf([4, 4, 4]), countsOf([4, 4]))).toBe(0)
    expect(meanGap(countsOf([]), countsOf([4]))).toBeNull()
    // one variance zero is fine: df = (n_B − 1)
    expect(welch(countsOf([5, 5, 5]), countsOf([1, 2, 3]))?.df).toBeCloseTo(2, 12)
  })

  test('Δ is exact: 19/5 − 33/10 = 0.5', () => {
    expect(meanGap(countsOf([4, 4, 4, 4, 3]), countsOf([...times(4, 3), ...times(3, 7)]))).toBe(0.5)
  })
})

describe('holm() / benjaminiHochberg()', () => {
  test.each([
    // by hand: sorted .01 .02 .03 .04 → Holm 4·.01, max(.04, 3·.02), max(.06, 2·.03), max(.06, .04)
    [
      [0.03, 0.01, 0.04, 0.02],
      [0.06, 0.04, 0.06, 0.06],
    ],
    [
      [0.5, null, 0.9],
      [1, null, 1],
    ],
    [[], []],
  ])('holm(%j) = %j', (ps, want) => {
    holm(ps).forEach((v, i) =>
      want[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(want[i] as number, 15),
    )
  })

  test('BH: .01 .02 .03 .04 → all 0.04 (min over j ≥ i of 4p/j)', () => {
    benjaminiHochberg([0.03, 0.01, 0.04, 0.02]).forEach((v) => expect(v).toBeCloseTo(0.04, 15))
  })
})

describe('gapVerdict() (METHODOLOGY §5.2 decision rule)', () => {
  test.each([
    [{ gap: 0.5, p: 0.001, pAdjusted: 0.049, g: 0.5 }, 'dangerous'],
    [{ gap: 0.49, p: 0.001, pAdjusted: 0.01, g: 2 }, 'watch'],
    [{ gap: 0.6, p: 0.2, pAdjusted: 0.9, g: 0.6 }, 'watch'],
    [{ gap: 1, p: 0.01, pAdjusted: 0.05, g: 1 }, 'watch'],
    [{ gap: 0.6, p: 0.2, pAdjusted: 0.9, g: 0.3 }, 'none'],
    [{ gap: 0, p: 0.001, pAdjusted: 0.001, g: 0 }, 'none'],
    [{ gap: -0.5, p: 0.001, pAdjusted: 0.01, g: -1 }, 'pessimistic'],
    [{ gap: -0.4, p: 0.001, pAdjusted: 0.01, g: -1 }, 'none'],
    [{ gap: -0.9, p: 0.001, pAdjusted: 0.2, g: -1 }, 'none'],
  ] as const)('%o → %s', (x, want) => expect(gapVerdict(x)).toBe(want))

  test('thresholds are configurable', () => {
    const strict: GapThresholds = { minGap: 1, pessimisticGap: 1, alpha: 0.01, minG: 0.8 }
    expect(gapVerdict({ gap: 0.8, p: 0.001, pAdjusted: 0.001, g: 1 }, strict)).toBe('watch')
    expect(gapVerdict({ gap: 1, p: 0.001, pAdjusted: 0.005, g: 0.8 }, strict)).toBe('dangerous')
    expect(gapVerdict({ gap: -0.8, p: 0.001, pAdjusted: 0.001, g: -1 }, strict)).toBe('none')
  })
})

describe('perceptionGaps()', () => {
  test('suppressed and descriptive-only items stay out of the Holm family', () => {
    const rows = perceptionGaps(
      [
        { key: 'a', a: countsOf([4, 5]), b: countsOf([1, 2, 3]), suppressed: null },
        { key: 'b', a: countsOf([4, 4, 4]), b: countsOf([4, 4]), suppressed: null },
        {
          key: 'c',
          a: countsOf([5, 5]),
          b: countsOf([1, 2]),
          suppressed: 'anonymity: fewer than 5 answers',
        },
      ],
      'employee',
      'customer',
    )
    expect(rows[0].pAdjusted).toBe(rows[0].p) // family of one
    expect(rows[1]).toMatchObject({
      verdict: 'descriptive-only',
      gap: 0,
      cliffsDelta: 0,
      t: null,
      p: null,
    })
    expect(rows[1].reason).toMatch(/no variance/)
    expect(rows[2]).toMatchObject({ verdict: 'suppressed', nA: null, meanA: null, gap: null })
  })
})

describe('gaps in the report', () => {
  const emp = (values: (number | null)[]) => ratings('employee', 'q', values)
  const cust = (values: (number | null)[]) => ratings('customer', 'q', values)

  test('employees below k: every gap suppressed, no statistics', () => {
    const r = reportFromResponses([...emp([5, 5, 5, 4]), ...cust([1, 2, 3, 2, 1, 2])])
    expect(r.groups.find((g) => g.audience === 'employee')).toEqual({
      audience: 'employee',
      segment: null,
      suppressed: true,
      reason: 'anonymity: fewer than 5 respondents',
    })
    expect(r.gaps).toHaveLength(1)
    expect(r.gaps[0]).toMatchObject({ verdict: 'suppressed', meanA: null, nA: null, t: null })
  })

  test('an employee item with fewer than k answers is suppressed, others are tested', () => {
    const rs = [
      ...[5, 5, 4, 5, 5, 4].map((v, i) => ({
        ...emp([v])[0],
        attributes: { q: v, s: i < 3 ? 5 : null },
      })),
      ...[1, 2, 3, 2, 1, 2].map((v) => ({ ...cust([v])[0], attributes: { q: v, s: 3 } })),
    ]
    const r = reportFromResponses(rs)
    expect(r.gaps.map((g) => [g.key, g.verdict])).toEqual([
      ['q', 'dangerous'],
      ['s', 'suppressed'],
    ])
    const e = r.groups.find((g) => g.audience === 'employee')
    expect(e && !e.suppressed && e.attributes[1]).toMatchObject({
      key: 's',
      suppressed: true,
      n: null,
    })
  })

  test('n < 2 customers: descriptive only; comparison without employees is skipped', () => {
    const r = reportFromResponses([...emp([5, 5, 4, 5, 5]), ...cust([2])])
    expect(r.gaps[0]).toMatchObject({ verdict: 'descriptive-only', gap: 2.8, nB: 1 })
    const c = reportFromResponses(cust([1, 2]), { compare: [['employee', 'customer']] })
    expect(c.gaps).toEqual([])
    expect(c.warnings).toEqual(['comparison employee:customer skipped: no employee responses'])
  })
})
