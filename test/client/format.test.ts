import { describe, expect, test } from 'vitest'
import {
  DASH,
  fixed,
  formatP,
  humanizeKey,
  interval,
  MINUS,
  pPhrase,
  percent,
  percentRange,
  range,
  signed,
} from '../../client/lib/format'

describe('DASH and MINUS', () => {
  test('an en dash for no value, U+2212 for negatives (not the hyphen U+002D)', () => {
    expect(DASH).toBe('\u2013')
    expect(MINUS).toBe('\u2212')
    expect(fixed(-1.5, 1)).toBe('\u22121.5')
    expect(fixed(-1.5, 1)).not.toContain('-')
  })
})

describe('fixed()', () => {
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
    expect(fixed(x, 1)).toBe(one)
    expect(fixed(x, 2)).toBe(two)
  })

  test.each([
    [0.125, 2, '0.13'], // 1/8 is exact: a true half rounds away from zero
    [-0.125, 2, '−0.13'],
    [2.5, 0, '3'],
    [-2.5, 0, '−3'],
    [1.005, 2, '1.00'], // stored as 1.00499999…: below the half
    [0.35, 1, '0.3'], // stored as 0.34999999…
    [0.05, 1, '0.1'], // stored as 0.05000000000000000277…: above the half
    [-0.05, 1, '−0.1'],
  ])('half cases: %s (%s digits) → %s', (x, digits, out) => expect(fixed(x, digits)).toBe(out))

  test.each([
    [-0, 2, '0.00'],
    [-0.004, 2, '0.00'],
    [-0.049, 1, '0.0'],
    [-0.4, 0, '0'],
  ])('negative zero: %s (%s digits) → %s', (x, digits, out) => expect(fixed(x, digits)).toBe(out))

  test('undefined is no value', () => expect(fixed(undefined, 1)).toBe('–'))
})

describe('signed()', () => {
  test.each([
    [0.9, 2, '+0.90'],
    [-0.248, 2, '−0.25'],
    [-0.6209, 1, '−0.6'],
    [0.001, 1, '0.0'],
    [-0.001, 2, '0.00'], // a rounded zero: no sign either way
    [-0, 2, '0.00'],
    [0.25, 1, '+0.3'], // exact half
    [-0.25, 2, '−0.25'],
    [null, 1, '–'],
  ])('%s (%s digits) → %s', (x, digits, out) => expect(signed(x, digits)).toBe(out))

  test('two decimals by default', () => {
    expect(signed(0.9)).toBe('+0.90')
    expect(signed(-0.25)).toBe('−0.25')
    expect(signed(-0.001)).toBe('0.00')
    expect(signed(null)).toBe('–')
  })
})

describe('interval()', () => {
  test('"low to high", signed on request; a missing end gives a dash', () => {
    expect(interval(0.9649, 1.3251)).toBe('0.96 to 1.33')
    expect(interval(-0.0359, 0.3605, 2, true)).toBe('−0.04 to +0.36')
    expect(interval(-0.004, 0.5, 2, true)).toBe('0.00 to +0.50')
    expect(interval(61.25, 68.75, 1)).toBe('61.3 to 68.8')
    expect(interval(null, 1)).toBe('–')
    expect(interval(1, undefined)).toBe('–')
  })
})

describe('range()', () => {
  test('joins with an en dash; a missing end gives a dash', () => {
    expect(range(6.4346, 6.8076)).toBe('6.4–6.8')
    expect(range(3.5739, 3.723, 2)).toBe('3.57–3.72')
    expect(range(-0.25, 0.25, 2)).toBe('−0.25–0.25')
    expect(range(null, 6.8)).toBe('–')
  })
})

describe('percent()', () => {
  test('whole percent by default, or more digits', () => {
    expect(percent(0.4)).toBe('40%')
    expect(percent(0.21677583, 1)).toBe('21.7%')
    expect(percent(0.125, 1)).toBe('12.5%')
    expect(percent(0.125)).toBe('13%') // 12.5 exactly: the half rounds up
    expect(percent(0.285)).toBe('28%') // 0.285 × 100 is 28.499999999999996
    expect(percent(0)).toBe('0%')
    expect(percent(1)).toBe('100%')
    expect(percent(null)).toBe('–')
    expect(percent(undefined)).toBe('–')
  })
})

describe('formatP()', () => {
  test.each([
    [8e-10, '< 0.001'],
    [3e-27, '< 0.001'],
    [0, '< 0.001'],
    [0.000999, '< 0.001'],
    [0.0009999, '< 0.001'],
    [0.001, '0.001'], // the threshold itself prints as a number
    [0.0083764, '0.008'],
    [0.04999, '0.050'],
    [0.15714, '0.157'],
    [0.9996, '1.000'],
    [1, '1.000'],
    [null, '–'],
  ])('%s → %s', (p, out) => expect(formatP(p)).toBe(out))
})

describe('pPhrase()', () => {
  test('"<" after the name, "=" before a number, words when there is no p', () => {
    expect(pPhrase(0.0002)).toBe('p < 0.001')
    expect(pPhrase(0.0417)).toBe('p = 0.042')
    expect(pPhrase(0.217, 'Holm p')).toBe('Holm p = 0.217')
    expect(pPhrase(null, 'Holm p')).toBe('Holm p not computed')
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

describe('percentRange()', () => {
  test.each([
    // Wilson interval of 4 of 6: 0.29999 to 0.90323
    [0.29999, 0.90323, 0, '30–90%'],
    [0.20654, 1, 1, '20.7–100.0%'],
    [0, 0.5, 0, '0–50%'],
    [null, 0.5, 0, '–'],
  ])('%s to %s (%i digits) → %s', (low, high, digits, expected) => {
    expect(percentRange(low, high, digits)).toBe(expected)
  })
})
