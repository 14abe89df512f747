import { describe, expect, test } from 'vitest'
import { reportFromResponses, trend } from '../../reports'
import type { GroupReport, SuppressedGroup } from '../../reports'
import { makeResponse, times } from './fixtures/responses'

const wave = (overall: number[], x: number[], y: number[]) =>
  reportFromResponses(
    overall.map((o, i) => makeResponse({ overall: o, attributes: { x: x[i]!, y: y[i]! } })),
    { csi: 'overall' },
  ).groups[0] as GroupReport

const point = (waveId: string, group: GroupReport | SuppressedGroup | null) => ({
  waveId,
  name: waveId,
  fieldedAt: '2026-01-01T00:00:00.000Z',
  group,
})

describe('trend()', () => {
  // Expected values from scipy 1.17 `ttest_ind(later, earlier, equal_var=False)`:
  //   x: [2,3,4] → [4,5,5,4]: diff 1.5, t 2.32379000772445, df 3 (exactly: (5/12)² / ((1/12)²/3 +
  //      (1/3)²/2)), p 0.10272807885839899
  //   y: [3,3,4] → [3,4,3,4]: diff 1/6, t 0.37796447300922686, df 4.454545454545455,
  //      p 0.7227877080390919
  //   Holm over {x, y}: x 2·0.10272807885839899 = 0.20545615771679798, y max(that, 0.7227…)
  //   CSI (= overall here) is x's data: the same test, unadjusted.
  const q2 = wave([2, 3, 4], [2, 3, 4], [3, 3, 4])
  const q4 = wave([4, 5, 5, 4], [4, 5, 5, 4], [3, 4, 3, 4])

  test('tests each change with Welch and Holm-adjusts across attributes', () => {
    const t = trend([point('q2', q2), point('q4', q4)], ['x', 'y'], 'linear')
    const x = t.changes.find((c) => c.key === 'x')!
    const y = t.changes.find((c) => c.key === 'y')!
    const csi = t.changes.find((c) => c.key === 'csi')!
    expect(x.diff).toBeCloseTo(1.5, 12)
    expect(x.diff10).toBeCloseTo(3.75, 12)
    expect(x.t).toBeCloseTo(2.32379000772445, 9)
    expect(x.df).toBeCloseTo(3, 9)
    expect(x.p).toBeCloseTo(0.10272807885839899, 9)
    expect(x.pAdjusted).toBeCloseTo(0.20545615771679798, 9)
    expect(y.diff).toBeCloseTo(1 / 6, 12)
    expect(y.t).toBeCloseTo(0.37796447300922686, 9)
    expect(y.df).toBeCloseTo(4.454545454545455, 9)
    expect(y.p).toBeCloseTo(0.7227877080390919, 9)
    expect(y.pAdjusted).toBeCloseTo(0.7227877080390919, 9)
    expect(csi.p).toBeCloseTo(0.10272807885839899, 9)
    expect(csi.pAdjusted).toBe(csi.p)
    expect(t.changes.every((c) => !c.significant)).toBe(true)
    expect(t.points[1]!.csi?.mean).toBe(4.5)
    expect(t.points[1]!.attributes.y?.n).toBe(4)
  })

  test('flags a clear change as significant, and skips suppressed waves in the pairs', () => {
    const low = wave([...times(2, 30), ...times(3, 30)], times(2, 60), times(3, 60))
    const high = wave([...times(4, 30), ...times(5, 30)], times(4, 60), times(3, 60))
    const hidden: SuppressedGroup = {
      audience: 'customer',
      segment: null,
      suppressed: true,
      reason: 'n < 5',
    }
    const t = trend([point('a', low), point('b', hidden), point('c', high)], ['x', 'y'], 'linear')
    expect(t.points[1]).toMatchObject({ suppressed: true, reason: 'n < 5', csi: null })
    const csi = t.changes.find((c) => c.key === 'csi')!
    expect(csi).toMatchObject({ fromWave: 'a', toWave: 'c', significant: true })
    expect(csi.diff).toBe(2)
    // x has no variance in either wave: no test, never significant; y did not move.
    expect(t.changes.find((c) => c.key === 'x')).toMatchObject({
      t: null,
      p: null,
      significant: false,
    })
    expect(t.changes.find((c) => c.key === 'y')).toMatchObject({
      t: null,
      diff: 0,
      significant: false,
    })
  })

  test('a wave with no group is a gap in the line, not an error', () => {
    const t = trend([point('a', q2), point('b', null)], ['x'], 'linear')
    expect(t.points[1]).toMatchObject({ n: null, suppressed: false, reason: 'No responses' })
    expect(t.changes).toEqual([])
  })
})
