import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sha256Hex } from '../../../server/lib/sha256'

describe('sha256Hex()', () => {
  test('the FIPS 180-4 examples and the block-boundary lengths', () => {
    const enc = (s: string) => new TextEncoder().encode(s)
    expect(sha256Hex(enc(''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(sha256Hex(enc('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000])
      expect(sha256Hex(new Uint8Array(n).fill(97))).toBe(
        createHash('sha256').update('a'.repeat(n)).digest('hex'),
      )
  })

  test('equals node:crypto on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'))
      }),
      { numRuns: 500 },
    )
  })
})
