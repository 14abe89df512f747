import { describe, expect, test } from 'vitest'
import {
  computeWeights,
  reportFromResponses,
  weightedMean,
  weightReport,
  WeightingError,
  type GroupReport,
  type Population,
  type WeightedGroupReport,
} from '../../reports/index'
import { customerResponses, employeeResponses } from './fixtures/worked-example'

// Expected values: test/reports/fixtures/weighting-expected.py, an independent numpy/scipy
// implementation of post-stratification, IPF raking, trimming and the variances (printed there,
// pasted here). Compared to 1e-9 or better.

const close = (got: number | null | undefined, want: number, tol = 1e-9) =>
  expect(Math.abs((got ?? NaN) - want)).toBeLessThan(tol)

const channelCells: Population = {
  form: 'cells',
  variables: ['channel'],
  cells: [
    { values: ['end'], share: 0.7 },
    { values: ['channel'], share: 0.3 },
  ],
}

describe('post-stratification (METHODOLOGY §6.7, the worked example of §9)', () => {
  const records = customerResponses().map((r, i) => ({ ...r, id: `row ${i + 2}` }))
  const base = reportFromResponses(records)
  const weighted = weightReport(base, records, channelCells)
  const g = weighted.groups[0] as WeightedGroupReport

  test('weights W_h/(n_h/n), Kish deff 1.005, effective n 11.94', () => {
    expect(g.weighting).toMatchObject({ method: 'post-stratification', n: 12, trimmed: 0 })
    close(g.weighting.effectiveN, 11.940298507462687)
    close(g.weighting.deff, 1.005)
    close(g.weighting.maxWeight, 0.7 / (8 / 12))
  })

  test('CSI-2: Σ W_h ȳ_h = 3.70, SE 0.2823 from Σ W_h² s_h²/n_h, t on n − H = 10 df', () => {
    close(g.csi.mean, 3.6999999999999993)
    close(g.csi.ciLow, 3.0710192521697968)
    close(g.csi.ciHigh, 4.328980747830202)
    // the §9 printout: 95% CI lin/100 [51.8, 83.2]
    expect(g.csi.index100!.toFixed(2)).toBe('67.50')
    expect(((g.csi.ciLow! - 1) * 25).toFixed(1)).toBe('51.8')
  })

  test('an item with a missing answer uses its own n_h and df (A3: n = 11, df 9)', () => {
    const a3 = g.attributes.find((a) => a.key === 'A3')!
    close(a3.mean, 3.05)
    close(a3.se, 0.253311402559511)
    close(a3.ciLow, 2.4769697962815425)
    close(a3.ciHigh, 3.623030203718457)
    expect(a3.n).toBe(11)
  })

  test('the unweighted figures stay beside the weighted ones', () => {
    const plain = base.groups[0] as GroupReport
    expect(g.unweighted.csi).toEqual(plain.csi)
    expect(g.unweighted.attributes).toEqual(plain.attributes)
    expect(g.csi.mean).not.toBe(plain.csi.mean)
  })

  test('a cell without respondents, or a respondent outside the cells, is named', () => {
    const extra: Population = {
      ...channelCells,
      cells: [...channelCells.cells, { values: ['online'], share: 0.1 }],
    } as Population
    expect(() => weightReport(base, records, extra)).toThrow(
      'population cell channel = "online" has no respondents',
    )
    const odd = records.map((r, i) => (i === 3 ? { ...r, segments: { channel: 'shop' } } : r))
    expect(() => weightReport(base, odd, channelCells)).toThrow(
      new WeightingError('row 5: channel = "shop" is not a cell of the population file'),
    )
  })
})

describe('raking (iterative proportional fitting) and its linearised CI', () => {
  const region = 'nennnssnneennsssnnsennsnsnnensnnnsnsnssn'
  const size = 'sllllslsslsllllsslssslllslllsllslllsllll'
  const overall = '3443233243335351355534411522311124152555'
  const names: Record<string, string> = { n: 'north', s: 'south', e: 'east' }
  const units = [...region].map((c, i) => ({
    id: `row ${i + 2}`,
    values: { region: names[c]!, size: size[i] === 's' ? 'small' : 'large' },
  }))
  const margins: Population = {
    form: 'margins',
    variables: ['region', 'size'],
    margins: [
      { variable: 'region', value: 'north', share: 50 },
      { variable: 'region', value: 'south', share: 30 },
      { variable: 'region', value: 'east', share: 20 },
      { variable: 'size', value: 'small', share: 60 },
      { variable: 'size', value: 'large', share: 40 },
    ],
  }
  const w = computeWeights(units, margins)

  test('weights match an independent IPF, margins met, convergence reported', () => {
    // python IPF (fixture script): weights of the six region × size combinations
    const want: Record<string, number> = {
      'north small': 1.6055774728115453,
      'north large': 0.5840638460211032,
      'south small': 1.517033519197582,
      'south large': 0.5518540505017832,
      'east small': 2.587895047164447,
      'east large': 0.9414033018905226,
    }
    units.forEach((u, i) => close(w.weights[i], want[`${u.values.region} ${u.values.size}`]!))
    expect(w.converged).toBe(true)
    expect(w.maxMarginError!).toBeLessThan(1e-10)
    expect(w.iterations!).toBeGreaterThan(1)
    close(w.effectiveN, 30.098649919118458)
    close(w.deff, 1.3289632627207066)
  })

  test('weighted mean and CI: n/(n−1)·Σw²(y−ȳ)²/(Σw)², t on 39 df', () => {
    const m = weightedMean([...overall].map(Number), w)
    close(m.mean, 3.131893986292912)
    close(m.se, 0.24832839079489194)
    close(m.ciLow, 2.6296024050447437)
    close(m.ciHigh, 3.6341855675410804)
    expect(m.df).toBe(39)
  })

  test('a margin value with no respondents is named', () => {
    const more = {
      ...margins,
      margins: [...margins.margins, { variable: 'region', value: 'west', share: 5 }],
    } as Population
    expect(() => computeWeights(units, more)).toThrow(
      'population value region = "west" has no respondents',
    )
  })
})

describe('trimming above 5 × the median', () => {
  test('18 + 2 respondents for a 50/50 population: the two are cut to 5 × median', () => {
    const units = Array.from({ length: 20 }, (_, i) => ({
      id: `row ${i + 2}`,
      values: { cell: i < 18 ? 'A' : 'B' },
    }))
    const pop: Population = {
      form: 'cells',
      variables: ['cell'],
      cells: [
        { values: ['A'], share: 1 },
        { values: ['B'], share: 1 },
      ],
    }
    const w = computeWeights(units, pop)
    close(w.weights[0], 0.7142857142857142)
    close(w.weights[19], 3.571428571428571)
    expect(w.trimmed).toBe(2)
    close(w.effectiveN, 11.529411764705875)
    close(w.deff, 1.7346938775510217)
    // trimming moves the effective cell shares off 50/50: W_B = 2 · 3.5714 / 20
    close(w.cellShares![1], (2 * 3.571428571428571) / 20)
    // a higher setting leaves them alone: 5 and 0.556, no cut
    const loose = computeWeights(units, pop, { trimAt: 10 })
    expect(loose.trimmed).toBe(0)
    close(loose.weights[19], 5)
  })
})

describe('gaps against a weighted audience (employees − post-stratified customers)', () => {
  test('Welch on the weighted customer means, df with n − H, Holm re-adjusted, g on pooled SD', () => {
    const customers = customerResponses().map((r, i) => ({ ...r, id: `row ${i + 2}` }))
    const employees = employeeResponses().map((r, i) => ({ ...r, id: `row ${i + 20}` }))
    const base = reportFromResponses([...customers, ...employees])
    const r = weightReport(base, [...customers, ...employees], channelCells)
    // python (fixture script, section 5): gap, t, df, p, Holm p, g per attribute
    const want: Record<string, number[]> = {
      A1: [
        0.25, 0.8477534026013559, 16.999917057741126, 0.40835312728518264, 0.8167062545703653,
        0.35363437960013994,
      ],
      A2: [
        1.4625000000000004, 4.844457963596966, 16.862830651688, 0.00015530600194622583,
        0.0007765300097311292, 2.0040184390119125,
      ],
      A3: [
        1.3250000000000002, 4.240161533040043, 15.438386898925513, 0.0006714178792863248,
        0.0026856715171452994, 1.7605404378927054,
      ],
      A4: [
        0.375, 1.1707933977250888, 16.46551800935826, 0.2583479420020852, 0.7750438260062557,
        0.5043781639220907,
      ],
      A5: [
        0.1750000000000007, 0.674021242811822, 16.985431055583348, 0.5093674510620485,
        0.8167062545703653, 0.28068858703937605,
      ],
    }
    for (const gap of r.gaps) {
      const [d, t, df, p, pHolm, g] = want[gap.key]!
      close(gap.gap, d!)
      close(gap.t, t!)
      close(gap.df, df!)
      close(gap.p, p!)
      close(gap.pAdjusted, pHolm!)
      close(gap.g, g!)
    }
    expect(r.gaps.map((g) => g.verdict)).toEqual([
      'none',
      'dangerous',
      'dangerous',
      'watch',
      'none',
    ])
    // the ordinal check stays the unweighted Mann–Whitney
    expect(r.gaps.map((g) => g.u)).toEqual(base.gaps.map((g) => g.u))
  })
})
