import { describe, expect, test } from 'vitest'
import {
  Z975,
  complementarySuppression,
  lmg,
  relativeWeights,
  reportFromResponses,
  type AttributeRow,
  type GroupReport,
  type Report,
  type ReportOptions,
} from '../../reports/index'
import { workedExampleResponses } from './fixtures/worked-example'
import { expected } from './fixtures/worked-example-expected'

// METHODOLOGY §9 reproduced to 1e-9 against the reference script's own full-precision values.
const close = (actual: number | null | undefined, want: number) => {
  expect(actual).not.toBeNull()
  expect(Math.abs((actual as number) - want)).toBeLessThan(1e-9)
}

const build = (options: ReportOptions = {}): Report =>
  reportFromResponses(workedExampleResponses(), { importanceGate: false, by: ['team'], ...options })

const group = (r: Report, audience: string, segment: string | null = null): GroupReport => {
  const g = r.groups.find((x) => x.audience === audience && (x.segment?.value ?? null) === segment)
  if (!g || g.suppressed) throw new Error(`group ${audience}/${segment} missing or suppressed`)
  return g
}

const report = build()
const customers = group(report, 'customer')
const keys = ['A1', 'A2', 'A3', 'A4', 'A5']
const row = (j: number): AttributeRow => customers.attributes[j]

describe('worked example (METHODOLOGY §9)', () => {
  test('z(0.975)', () => close(Z975, expected.z975))

  test.each(keys.map((key, j) => [key, j] as const))('strength table %s', (key, j) => {
    const want = expected.attributes[j]
    const got = row(j)
    expect(got.key).toBe(key)
    expect(got.n).toBe(want.n)
    close(got.mean, want.mean)
    close(got.sd, want.sd)
    close(got.ciLow, want.ciLow)
    close(got.ciHigh, want.ciHigh)
    close(got.score10, want.lin10)
    close(got.score10Low, want.lin10Low)
    close(got.score10High, want.lin10High)
    const bands = { lead: 'strength', adeq: 'adequate', CONC: 'concern' } as const
    expect(got.band).toBe(bands[want.bandLin])
    expect(got.flags.includes('bandUncertain')).toBe(want.spansCut)
    expect(got.flags).toContain('lowBase')
  })

  test.each(keys.map((key, j) => [key, j] as const))('other mappings %s', (_key, j) => {
    const bands = { lead: 'strength', adeq: 'adequate', CONC: 'concern' } as const
    const x2 = group(build({ scale: 'proportional' }), 'customer').attributes[j]
    close(x2.score10, expected.attributes[j].x2)
    expect(x2.band).toBe(bands[expected.attributes[j].bandX2])
    close(
      group(build({ scale: 'anchored10' }), 'customer').attributes[j].score10,
      expected.attributes[j].anch,
    )
  })

  test('CSI-2 (default) with α and r of the pair', () => {
    const c = customers.csi
    expect(c.definition).toBe('overall-rebuy')
    expect(c.n).toBe(expected.csi2.n)
    close(c.mean, expected.csi2.mean)
    close(c.sd, expected.csi2.sd)
    close(c.ciLow, expected.csi2.ciLow)
    close(c.ciHigh, expected.csi2.ciHigh)
    close(c.index100, expected.csi2.lin100)
    close(c.alpha, expected.alphaPair)
    close(c.r, expected.rPair)
    expect(c.band).toBe('concern') // 6.77/10
    close(c.components?.overall.mean, expected.csi1.mean)
  })

  test('CSI-1, CSI-3, CSI-4', () => {
    const c1 = group(build({ csi: 'overall' }), 'customer').csi
    close(c1.mean, expected.csi1.mean)
    close(c1.ciLow, expected.csi1.ciLow)
    close(c1.ciHigh, expected.csi1.ciHigh)
    close(c1.index100, expected.csi1.lin100)
    const c3 = group(build({ csi: 'attributes' }), 'customer').csi
    close(c3.mean, expected.csi3)
    expect(c3.ciLow).toBeNull()
    close(c3.alpha, expected.alphaAttributes)
    const c4 = group(build({ csi: 'weighted' }), 'customer').csi
    close(c4.mean, expected.csi4)
    expect(c4.weightsSource).toBe('lmg')
    keys.forEach((key, j) => close(c4.weights?.[key], expected.csi4Weights[j]))
  })

  test('top-2-box (Wilson) and net (adjusted Wald) of overall', () => {
    close(customers.overall.t2b?.p, expected.t2b.p)
    close(customers.overall.t2b?.ciLow, expected.t2b.ciLow)
    close(customers.overall.t2b?.ciHigh, expected.t2b.ciHigh)
    close(customers.overall.net?.value, expected.net.value)
    close(customers.overall.net?.ciLow, expected.net.ciLow)
    close(customers.overall.net?.ciHigh, expected.net.ciHigh)
  })

  test('derived importance: r, LMG, R², listwise n and the gate', () => {
    const m = customers.importanceModel
    expect(m.n).toBe(expected.completeN)
    expect(m.required).toBe(90)
    expect(m.gatePassed).toBe(false)
    expect(m.method).toBe('lmg')
    close(m.r2, expected.r2)
    close(m.alpha, expected.alphaAttributes)
    keys.forEach((_, j) => {
      close(row(j).importance.r, expected.r[j])
      close(row(j).importance.phi, expected.lmg[j])
      close(row(j).importance.share, expected.lmg[j] / expected.r2)
    })
    // with the gate on (the default), the n = 11 sample only gets bivariate r
    const gated = group(build({ importanceGate: true }), 'customer')
    expect(gated.importanceModel.method).toBeNull()
    expect(gated.attributes[0].importance.share).toBeNull()
    close(gated.attributes[0].importance.r, expected.r[0])
  })

  test('relative weights and LMG from the correlation matrix', () => {
    const rw = group(build({ importanceMethod: 'rw' }), 'customer')
    keys.forEach((_, j) => close(rw.attributes[j].importance.phi, expected.rw[j]))
    close(rw.importanceModel.r2, expected.r2)
    expect(lmg([[1]], [0.5]).phi[0]).toBeCloseTo(0.25, 15)
    expect(relativeWeights([[1]], [0.5]).eps[0]).toBeCloseTo(0.25, 15)
  })

  test('IPA quadrants, data-centred and scale-centred', () => {
    expect(customers.attributes.map((a) => a.quadrant)).toEqual(expected.quadrants)
    close(customers.importanceModel.crosshair.performance, expected.crosshairPerformance)
    close(customers.importanceModel.crosshair.importance, 0.2)
    const mid = group(build({ crosshair: 'scale-midpoint' }), 'customer')
    expect(mid.attributes.map((a) => a.quadrant)).toEqual(expected.quadrantsMidpoint)
  })

  test.each(keys.map((key, j) => [key, j] as const))('perception gap %s', (key, j) => {
    const want = expected.gaps[j]
    const got = report.gaps[j]
    expect(got.key).toBe(key)
    expect([got.groupA, got.groupB]).toEqual(['employee', 'customer'])
    expect([got.nA, got.nB]).toEqual([want.nA, want.nB])
    for (const f of [
      'meanA',
      'meanB',
      'gap',
      't',
      'df',
      'p',
      'pAdjusted',
      'd',
      'g',
      'j',
      'u',
    ] as const) {
      close(got[f], want[f])
    }
    close(got.ciGapLow, want.ciGapLow)
    close(got.ciGapHigh, want.ciGapHigh)
    close(got.pMwu, want.pMwu)
    close(got.pMwuAdjusted, want.pMwuAdjusted)
    close(got.cliffsDelta, want.cliffsDelta)
    close(got.gap10, want.gap * 2.5)
    expect(got.verdict).toBe(want.verdict)
    const bh = build({ pAdjust: 'bh' }).gaps[j]
    close(bh.pAdjusted, want.pBh)
  })

  test('anonymity: total shown, both teams suppressed (complementary suppression)', () => {
    expect(group(report, 'employee').n).toBe(8)
    expect(expected.employeeTotalShown).toBe(true)
    for (const team of ['sales', 'service'] as const) {
      const g = report.groups.find((x) => x.audience === 'employee' && x.segment?.value === team)
      expect(g?.suppressed).toBe(!expected.teamsShown[team])
      expect(g && 'n' in g).toBe(false)
    }
    const teams = [
      { key: 'sales', n: 5 },
      { key: 'service', n: 3 },
    ]
    expect(complementarySuppression(8, teams, 5)).toEqual([])
  })
})
