import { describe, expect, test } from 'vitest'
import { randomId, randomIds } from '../../../server/lib/tokens'

describe('randomIds()', () => {
  test('ids shaped as randomId makes them, all different, past one draw of random bytes', () => {
    const ids = randomIds('a', 10_000)
    const shape = /^a-[abcdefghijkmnpqrstuvwxyz23456789]{10}$/
    expect(shape.test(randomId('a'))).toBe(true)
    expect(ids).toHaveLength(10_000)
    expect(ids.every((id) => shape.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(10_000)
    expect(randomIds('a', 0)).toEqual([])
  })
})
