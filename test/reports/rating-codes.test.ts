import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  aggregateBlocks,
  aggregateFromCodeFold,
  emptyAggregate,
  emptyCodeFold,
  foldRatingCodes,
  foldResponses,
  ratingCode,
  type AggregateSpec,
  type Audience,
  type ResponseRecord,
} from '../../reports'

const keysOf: Record<string, string[]> = {
  customer: ['quality', 'delivery', 'support'],
  wholesaler: ['quality', 'terms'],
}
const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 })
const segmentValue = fc.constantFrom('north', 'south', 'a/b=c', 'quote"[x]', '', null)

const response: fc.Arbitrary<ResponseRecord> = fc
  .constantFrom<Audience>('customer', 'wholesaler')
  .chain((audience) => {
    const keys = keysOf[audience]!
    const ratings = fc.dictionary(fc.constantFrom(...keys), rating, { maxKeys: keys.length })
    return fc.record({
      audience: fc.constant(audience),
      overall: rating,
      rebuy: rating,
      attributes: ratings,
      importance: ratings,
      segments: fc.record({ region: segmentValue, size: segmentValue }, { requiredKeys: [] }),
    })
  })

describe('ratingCode() / foldRatingCodes()', () => {
  test.each([true, false])(
    'folding codes gives exactly the aggregate of folding the responses (segmentMultivariate %s)',
    (segmentMultivariate) => {
      const spec: AggregateSpec = {
        attributes: keysOf,
        segments: ['region', 'size'],
        segmentMultivariate,
      }
      fc.assert(
        fc.property(
          fc.array(response, { maxLength: 80 }),
          fc.integer({ min: 1, max: 80 }),
          (rs, cut) => {
            const codes = rs.map((r) => ({ audience: r.audience, code: ratingCode(r, spec) }))
            // Two batches into one fold, as a paged rebuild does.
            const fold = foldRatingCodes(
              foldRatingCodes(emptyCodeFold(), spec, codes.slice(0, cut)),
              spec,
              codes.slice(cut),
            )
            const fromCodes = aggregateBlocks(aggregateFromCodeFold(fold, spec))
            const fromResponses = aggregateBlocks(foldResponses(emptyAggregate(spec), rs))
            expect(fromCodes).toEqual(fromResponses)
          },
        ),
        { numRuns: 200 },
      )
    },
  )

  test('the code: a digit per item in layout order, 0 for missing, then the segment values', () => {
    const spec: AggregateSpec = { attributes: keysOf, segments: ['region', 'size'] }
    const r: ResponseRecord = {
      audience: 'customer',
      overall: 4,
      rebuy: null,
      attributes: { quality: 5, support: 2 },
      importance: { delivery: 3 },
      segments: { region: 'north', size: '' },
    }
    expect(ratingCode(r, spec)).toBe('40502030["north",null]')
  })

  test('a code that does not fit the layout is refused, naming it', () => {
    const spec: AggregateSpec = { attributes: keysOf, segments: [] }
    expect(() =>
      foldRatingCodes(emptyCodeFold(), spec, [{ audience: 'customer', code: '4050203' }]),
    ).toThrow(/does not fit/)
    expect(() =>
      foldRatingCodes(emptyCodeFold(), spec, [{ audience: 'customer', code: '40502070[]' }]),
    ).toThrow(/does not fit/)
  })
})
