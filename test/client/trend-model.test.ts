import { describe, expect, test } from 'vitest'
import type { TrendData, TrendValue } from '../../client/dashboard/trend/trend-model'
import {
  changeView,
  latestChanges,
  readTrendState,
  trendBounds,
  trendSearch,
  trendSeries,
} from '../../client/dashboard/trend/trend-model'

const value = (score10: number, half = 0.2): TrendValue => ({
  n: 100,
  mean: 1 + (score10 / 10) * 4,
  sd: 1,
  ciLow: null,
  ciHigh: null,
  score10,
  score10Low: score10 - half,
  score10High: score10 + half,
  band: score10 >= 8 ? 'strength' : score10 >= 7 ? 'adequate' : 'concern',
})

const point = (waveId: string, csi: TrendValue | null, suppressed = false) => ({
  waveId,
  name: `Wave ${waveId}`,
  fieldedAt: '2026-01-01T00:00:00.000Z',
  n: csi ? 100 : null,
  suppressed,
  reason: suppressed ? 'anonymity: fewer than 5 respondents' : csi ? null : 'No responses',
  csi,
  attributes: { speed: csi ? value(csi.score10! - 1) : null },
})

const data = {
  keys: ['speed'],
  points: [point('a', value(6.2)), point('b', null, true), point('c', value(6.9))],
  changes: [
    {
      key: 'csi',
      fromWave: 'a',
      toWave: 'c',
      diff: 0.28,
      diff10: 0.7,
      t: 3,
      df: 900,
      p: 0.0004,
      pAdjusted: 0.0004,
      significant: true,
    },
    {
      key: 'speed',
      fromWave: 'a',
      toWave: 'c',
      diff: -0.02,
      diff10: -0.05,
      t: -0.3,
      df: 900,
      p: 0.6,
      pAdjusted: 1,
      significant: false,
    },
  ],
  labels: { speed: 'Speed of delivery' },
  scale: 'linear',
  csiDefinition: 'overall-rebuy',
} as unknown as TrendData

describe('trend state in the address', () => {
  const read = (q: string, audience = 'customer') =>
    readTrendState(new URLSearchParams(q), { audience, attributes: ['speed'] })
  test('defaults, and the employee index is overall satisfaction alone', () => {
    expect(read('')).toEqual({ show: 'csi', csi: 'overall-rebuy', scale: 'linear' })
    expect(read('', 'employee').csi).toBe('overall')
  })
  test('unknown values fall back', () => {
    expect(read('show=nope&csi=nps&scale=log')).toEqual(read(''))
    expect(read('show=speed&csi=weighted').show).toBe('speed')
  })
  test('defaults are left out of the address', () => {
    expect(trendSearch(read(''), 'customer')).toBe('')
    expect(trendSearch(read('', 'employee'), 'employee')).toBe('')
    expect(trendSearch({ show: 'speed', csi: 'overall', scale: 'linear' }, 'customer')).toBe(
      'show=speed&csi=overall',
    )
  })
})

describe('trendSeries()', () => {
  test('the index on /100 with its interval, and the change into each wave', () => {
    const rows = trendSeries(data, 'csi')
    expect(rows.map((r) => r.score)).toEqual([62, null, 69])
    expect(rows[0]!.low).toBeCloseTo(60)
    expect(rows[2]!.change?.fromWave).toBe('a')
    expect(rows[1]!.point.suppressed).toBe(true)
  })
  test('an attribute stays on /10', () => {
    expect(trendSeries(data, 'speed').map((r) => r.score)).toEqual([5.2, null, 5.9])
  })
  test('bounds cover every interval in whole steps', () => {
    expect(trendBounds(trendSeries(data, 'csi'), 5, 100)).toEqual([55, 75])
    expect(trendBounds([], 5, 100)).toEqual([0, 100])
  })
})

describe('changeView()', () => {
  test('a significant rise on /100', () => {
    expect(changeView(data.changes[0]!, 'csi')).toEqual({
      direction: 'up',
      arrow: '▲',
      diff: '+7.0',
      significant: true,
      words: 'significant (p < 0.001)',
    })
  })
  test('a change that rounds to zero is flat; attributes name the Holm p', () => {
    const c = changeView(data.changes[1]!, 'speed')
    expect(c.direction).toBe('down')
    expect(c.diff).toBe('−0.1')
    expect(c.words).toBe('not significant (Holm p = 1.000)')
    const flat = changeView({ ...data.changes[1]!, diff10: -0.01 }, 'speed')
    expect(flat).toMatchObject({ direction: 'flat', arrow: '→', diff: '0.0' })
  })
  test('latest changes are those into the last wave with values', () => {
    expect([...latestChanges(data).keys()]).toEqual(['csi', 'speed'])
  })
})

describe('the trend’s scale defaults to the programme’s', () => {
  test('no scale in the address reads the programme’s, which stays out of the address', () => {
    const o = { audience: 'customer', attributes: ['speed'], defaultScale: 'anchored10' as const }
    const s = readTrendState(new URLSearchParams(''), o)
    expect(s.scale).toBe('anchored10')
    expect(trendSearch(s, 'customer', 'anchored10')).toBe('')
    const linear = readTrendState(new URLSearchParams('scale=linear'), o)
    expect(linear.scale).toBe('linear')
    expect(trendSearch(linear, 'customer', 'anchored10')).toBe('scale=linear')
  })
})
