import { describe, expect, test } from 'vitest'
import { checkAnonymity } from '../../client/dashboard/admin/anonymity-check'

describe('checkAnonymity()', () => {
  test('whole numbers within bounds pass as numbers', () => {
    expect(checkAnonymity({ minGroup: '7', minComments: '12' }, 3)).toEqual({
      errors: {},
      value: { minGroup: 7, minComments: 12 },
    })
  })
  test('below the floor, above the top, or not a whole number: an error under the field', () => {
    const r = checkAnonymity({ minGroup: '2', minComments: '4.5' }, 3)
    expect(r.value).toBeNull()
    expect(r.errors.minGroup).toBe('Enter a whole number from 3 to 50.')
    expect(r.errors.minComments).toBe('Enter a whole number from 3 to 100.')
    expect(checkAnonymity({ minGroup: '51', minComments: '' }, 3).errors).toEqual({
      minGroup: 'Enter a whole number from 3 to 50.',
      minComments: 'Enter a whole number from 3 to 100.',
    })
  })
  test('comments need at least as many people as a group', () => {
    const r = checkAnonymity({ minGroup: '8', minComments: '6' }, 3)
    expect(r.value).toBeNull()
    expect(r.errors).toEqual({ minComments: expect.stringMatching(/^At least 8, the smallest/) })
  })
})
