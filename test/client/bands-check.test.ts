import { describe, expect, test } from 'vitest'
import { checkBands } from '../../client/dashboard/admin/bands-check'

describe('checkBands()', () => {
  test('scores from 0 to 10 with one decimal pass as numbers; a decimal comma is read', () => {
    expect(checkBands({ strength: '7.5', adequate: '6,5', scale: 'proportional' })).toEqual({
      errors: {},
      value: { strength: 7.5, adequate: 6.5, scale: 'proportional' },
    })
    expect(checkBands({ strength: '10', adequate: '0', scale: 'linear' }).value).toEqual({
      strength: 10,
      adequate: 0,
      scale: 'linear',
    })
  })
  test('out of range, two decimals or empty: an error under the field', () => {
    const r = checkBands({ strength: '11', adequate: '6.55', scale: 'linear' })
    expect(r.value).toBeNull()
    expect(r.errors).toEqual({
      strength: 'Enter a score from 0 to 10, with at most one decimal (e.g. 7.5).',
      adequate: 'Enter a score from 0 to 10, with at most one decimal (e.g. 7.5).',
    })
    expect(checkBands({ strength: '', adequate: '7', scale: 'log' }).errors).toEqual({
      strength: 'Enter a score from 0 to 10, with at most one decimal (e.g. 7.5).',
      scale: 'Choose how a mean becomes a score out of 10.',
    })
  })
  test('adequate must lie below strength', () => {
    const r = checkBands({ strength: '7', adequate: '7', scale: 'linear' })
    expect(r.value).toBeNull()
    expect(r.errors).toEqual({
      adequate: expect.stringMatching(/^Below the strength cut-off \(7\)/),
    })
  })
})
