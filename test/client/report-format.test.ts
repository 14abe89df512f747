import { describe, expect, test } from 'vitest'
import {
  bandRule,
  csiFigure,
  csiInterval,
  flagMeaning,
  verdictText,
} from '../../client/dashboard/report/report-format'

describe('bandRule()', () => {
  test('states the cut-offs the report used', () => {
    const c = { strength: 8, adequate: 7 }
    expect(bandRule('strength', c)).toBe('8.0 or more')
    expect(bandRule('adequate', c)).toBe('7.0 to under 8.0')
    expect(bandRule('concern', { strength: 8.5, adequate: 7.5 })).toBe('under 7.5')
  })
})

describe('flagMeaning()', () => {
  const c = { lowBase: 30, maxHalfWidth: 1, maxMissingShare: 0.2 }
  test('uses the thresholds of the report', () => {
    expect(flagMeaning('lowBase', c)).toBe('fewer than 30 answers')
    expect(flagMeaning('insufficientPrecision', c)).toBe(
      'the 95% interval is wider than ±1.0 point on /10',
    )
    expect(flagMeaning('highMissing', c)).toBe('more than 20% of respondents left it unanswered')
  })
})

describe('csiFigure() and csiInterval()', () => {
  test('linear: /100 is ten times /10, interval likewise', () => {
    // mean 3.6484375 → /10 (3.6484375 − 1)/4 × 10 = 6.62109375; CI /10 6.4346–6.8076
    const c = { index100: 66.2109375, score10: 6.62109375, score10Low: 6.4346, score10High: 6.8076 }
    expect(csiFigure(c)).toEqual({ value: '66.2', unit: '/100' })
    expect(csiInterval(c)).toBe('64.3–68.1')
  })
  test('anchored10 has no /100: the /10 score leads', () => {
    // mean 3.6484375 → 1 + 2.6484375 × 9/4 = 6.958984375
    const c = { index100: null, score10: 6.958984375, score10Low: 6.79, score10High: 7.127 }
    expect(csiFigure(c)).toEqual({ value: '7.0', unit: '/10' })
    expect(csiInterval(c)).toBe('6.8–7.1')
  })
  test('no interval (attribute definitions) gives a dash', () => {
    expect(csiInterval({ index100: 70, score10: 7, score10Low: null, score10High: null })).toBe('–')
  })
})

describe('verdictText()', () => {
  const row = (verdict: 'dangerous' | 'none' | 'pessimistic', gap: number, pAdjusted: number) => ({
    verdict,
    gap,
    pAdjusted,
  })
  test('names the audience that rates higher', () => {
    expect(verdictText(row('dangerous', 0.9, 6e-9), 'employees', 'customers')).toBe(
      'Large gap: employees rate it clearly higher than customers',
    )
    expect(verdictText(row('pessimistic', -0.7, 0.001), 'wholesalers', 'customers')).toBe(
      'Large gap: wholesalers rate it clearly lower than customers',
    )
  })
  test('"none" tells a small significant gap from no clear difference', () => {
    expect(verdictText(row('none', -0.248, 0.0084), 'wholesalers', 'customers')).toBe(
      'Small but real: wholesalers rate it lower',
    )
    expect(verdictText(row('none', -0.1, 0.3), 'wholesalers', 'customers')).toBe(
      'No clear difference',
    )
  })
})
