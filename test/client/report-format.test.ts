import { describe, expect, test } from 'vitest'
import {
  bandRule,
  csiFigure,
  csiInterval,
  flagMeaning,
  fmt1,
  fmt2,
  formatP,
  formatShare,
  humanizeKey,
  range,
  signed,
  verdictText,
} from '../../client/dashboard/report/report-format'

describe('fmt1() and fmt2()', () => {
  test.each([
    // 66.2109375 (CSI of (3.6484375 − 1)/4 × 100) → one decimal
    [66.2109375, '66.2', '66.21'],
    [6.25, '6.3', '6.25'], // exact half in binary: rounds up
    [7, '7.0', '7.00'],
    [0, '0.0', '0.00'],
    [-0.04, '0.0', '−0.04'], // a rounded zero carries no sign
    [-0.62, '−0.6', '−0.62'], // a real minus sign, not a hyphen
    [null, '–', '–'],
  ])('%s → %s / %s', (x, one, two) => {
    expect(fmt1(x)).toBe(one)
    expect(fmt2(x)).toBe(two)
  })
})

describe('signed()', () => {
  test.each([
    [0.9, 2, '+0.90'],
    [-0.248, 2, '−0.25'],
    [-0.6209, 1, '−0.6'],
    [0.001, 1, '0.0'],
    [null, 1, '–'],
  ])('%s (%s digits) → %s', (x, digits, out) => expect(signed(x, digits)).toBe(out))
})

describe('range()', () => {
  test('joins with an en dash; a missing end gives a dash', () => {
    expect(range(6.4346, 6.8076)).toBe('6.4–6.8')
    expect(range(3.5739, 3.723, 2)).toBe('3.57–3.72')
    expect(range(null, 6.8)).toBe('–')
  })
})

describe('formatP()', () => {
  test.each([
    [8e-10, '< 0.001'],
    [0.000999, '< 0.001'],
    [0.001, '0.001'],
    [0.0083764, '0.008'],
    [0.04999, '0.050'],
    [1, '1.000'],
    [null, '–'],
  ])('%s → %s', (p, out) => expect(formatP(p)).toBe(out))
})

describe('formatShare()', () => {
  test('one decimal by default, or whole percent', () => {
    expect(formatShare(0.21677583)).toBe('21.7%')
    expect(formatShare(0.4, 0)).toBe('40%')
    expect(formatShare(0.125)).toBe('12.5%')
    expect(formatShare(null)).toBe('–')
  })
})

describe('humanizeKey()', () => {
  test.each([
    ['delivery_reliability', 'Delivery reliability'],
    ['region', 'Region'],
    ['customer-size', 'Customer size'],
    ['north', 'North'],
  ])('%s → %s', (key, out) => expect(humanizeKey(key)).toBe(out))
})

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
