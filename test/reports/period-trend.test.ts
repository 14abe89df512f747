import { describe, expect, test } from 'vitest'
import {
  periodKey,
  periodLabel,
  periodRange,
  periodTrend,
  periodsBetween,
  reportFromResponses,
} from '../../reports'
import { makeResponse } from './fixtures/responses'

describe('periodKey()', () => {
  test.each([
    ['2026-12-31T23:59:59.999Z', '2026-12', '2026-Q4'],
    ['2027-01-01T00:00:00.000Z', '2027-01', '2027-Q1'],
    ['2026-03-31T23:59:59.000Z', '2026-03', '2026-Q1'],
    ['2026-04-01T00:00:00.000Z', '2026-04', '2026-Q2'],
    ['2026-09-30T22:30:00.000Z', '2026-09', '2026-Q3'],
  ])('%s is in %s and %s (UTC, whatever the local zone)', (iso, month, quarter) => {
    expect(periodKey(new Date(iso), 'month')).toBe(month)
    expect(periodKey(new Date(iso), 'quarter')).toBe(quarter)
  })

  test('ranges, labels and the calendar between two dates', () => {
    expect(periodRange('2026-Q4')).toEqual({
      start: new Date('2026-10-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    })
    expect(periodRange('2026-02')?.end).toEqual(new Date('2026-03-01T00:00:00Z'))
    expect(periodRange('2026-13')).toBeNull()
    expect(periodLabel('2026-12')).toBe('December 2026')
    expect(periodLabel('2026-Q1')).toBe('Q1 2026')
    const from = new Date('2026-11-15T00:00:00Z')
    const to = new Date('2027-02-02T00:00:00Z')
    expect(periodsBetween(from, to, 'month')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(periodsBetween(from, to, 'quarter')).toEqual(['2026-Q4', '2027-Q1'])
    expect(periodsBetween(to, from, 'month')).toEqual([])
    expect(periodsBetween(from, to, 'month', 2)).toEqual(['2027-01', '2027-02'])
  })
})

describe('periodTrend()', () => {
  // The groups of a report by period; x and y as in trend.test.ts, whose expected values are
  // scipy 1.17 `ttest_ind(later, earlier, equal_var=False)`:
  //   x: [2,3,4] → [4,5,5,4]: diff 1.5, t 2.32379000772445, df 3, p 0.10272807885839899,
  //      Holm over {x, y} 0.20545615771679798
  //   y: [3,3,4] → [3,4,3,4]: diff 1/6, t 0.37796447300922686, df 4.454545454545455,
  //      p 0.7227877080390919 (Holm: itself)
  // y in 2026-04: mean 3.5, SD 0.5773502691896257, 95% CI 3.5 ± t.ppf(0.975, 3) · SD/2 =
  // [2.5813068844814606, 4.418693115518539] (scipy), /10 linear (3.5 − 1) · 2.5 = 6.25.
  const rows = (period: string, overall: number[], x: number[], y: number[]) =>
    overall.map((o, i) =>
      makeResponse({ overall: o, attributes: { x: x[i]!, y: y[i]! }, segments: { period } }),
    )
  const report = reportFromResponses(
    [
      ...rows('2026-01', [2, 3, 4], [2, 3, 4], [3, 3, 4]),
      // Two responses: below a minimum group of 3.
      ...rows('2026-02', [5, 5], [5, 5], [5, 5]),
      ...rows('2026-04', [4, 5, 5, 4], [4, 5, 5, 4], [3, 4, 3, 4]),
    ],
    { csi: 'overall', by: ['period'] },
  )
  const field = {
    period: 'month' as const,
    from: new Date('2026-01-10T00:00:00Z'),
    to: new Date('2026-05-03T00:00:00Z'),
  }
  const t = periodTrend(report.groups, field, ['x', 'y'], 'linear', 3)
  const close = (a: number | null | undefined, b: number) =>
    expect(Math.abs(a! - b)).toBeLessThan(1e-9)

  test('every month of the field in time order: a small month suppressed with its count, empty months kept', () => {
    expect(t.points.map((p) => [p.period, p.responses, p.suppressed, p.reason])).toEqual([
      ['2026-01', 3, false, null],
      ['2026-02', 2, true, '2 responses, fewer than the 3 a period needs to be shown'],
      ['2026-03', 0, false, 'No responses'],
      ['2026-04', 4, false, null],
      ['2026-05', 0, false, 'No responses'],
    ])
    expect(t.points[1]).toMatchObject({ n: null, csi: null, attributes: { x: null, y: null } })
    expect(t.points[0]).toMatchObject({
      label: 'January 2026',
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-02-01T00:00:00.000Z',
    })
    const jan = t.points[0]!.attributes.x!
    close(jan.mean, 3)
    close(jan.sd, 1)
    close(jan.score10, 5)
    const apr = t.points[3]!.attributes.y!
    close(apr.mean, 3.5)
    close(apr.sd, 0.5773502691896257)
    close(apr.ciLow, 2.5813068844814606)
    close(apr.ciHigh, 4.418693115518539)
    close(apr.score10, 6.25)
  })

  test('changes between consecutive shown months, Welch-tested and Holm-adjusted over attributes', () => {
    expect(t.changes.map((c) => [c.key, c.fromPeriod, c.toPeriod])).toEqual([
      ['csi', '2026-01', '2026-04'],
      ['x', '2026-01', '2026-04'],
      ['y', '2026-01', '2026-04'],
    ])
    const [csi, x, y] = t.changes
    close(x!.diff, 1.5)
    close(x!.diff10, 3.75)
    close(x!.t, 2.32379000772445)
    close(x!.df, 3)
    close(x!.p, 0.10272807885839899)
    close(x!.pAdjusted, 0.20545615771679798)
    close(y!.t, 0.37796447300922686)
    close(y!.df, 4.454545454545455)
    close(y!.p, 0.7227877080390919)
    close(y!.pAdjusted, 0.7227877080390919)
    close(csi!.p, 0.10272807885839899)
    expect(csi!.pAdjusted).toBe(csi!.p)
    expect(t.changes.every((c) => !c.significant)).toBe(true)
  })

  test('a wave not yet in the field and without responses has no periods; data outside the field still shows', () => {
    const later = {
      period: 'quarter' as const,
      from: new Date('2027-01-01'),
      to: new Date('2026-12-01'),
    }
    expect(periodTrend([], later, ['x'], 'linear', 5)).toMatchObject({ points: [], changes: [] })
    const q = reportFromResponses(
      rows('2026-Q2', [4, 4, 5, 5, 3], [4, 4, 5, 5, 3], [1, 2, 3, 4, 5]),
      {
        by: ['period'],
      },
    )
    const only = periodTrend(q.groups, later, ['x'], 'linear', 5)
    expect(only.points.map((p) => [p.period, p.n])).toEqual([['2026-Q2', 5]])
  })
})
