import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  aggregateBlockDeltas,
  aggregateBlocks,
  aggregateCells,
  aggregatesFromBlocks,
  aggregatesFromCells,
  blockEncoder,
  BLOCK_WIDTH,
  emptyAggregate,
  foldResponse,
  foldResponses,
  mergeAggregates,
  reportFromAggregates,
  reportFromResponses,
  sumBlocks,
  type CellBlock,
  type AggregateSpec,
  type Audience,
  type ReportOptions,
  type ResponseRecord,
} from '../../reports/index'

const baseSpec: AggregateSpec = {
  attributes: {
    customer: ['quality', 'delivery', 'support'],
    wholesaler: ['quality', 'terms'],
    employee: ['quality', 'delivery', 'support'],
  },
}

const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 })

const response: fc.Arbitrary<ResponseRecord> = fc
  .constantFrom<Audience>('customer', 'customer', 'wholesaler', 'employee')
  .chain((audience) => {
    const keys = baseSpec.attributes[audience] ?? []
    const ratings = fc.dictionary(fc.constantFrom(...keys), rating, { maxKeys: keys.length })
    return fc.record({
      audience: fc.constant(audience),
      overall: rating,
      rebuy: rating,
      attributes: ratings,
      importance: fc.option(ratings, { nil: undefined }),
      segments: fc.record(
        { region: fc.constantFrom('north', 'south', 'a/b=c', '', null) },
        { requiredKeys: [] },
      ),
    })
  })
  .map((r) => (r.importance === undefined ? { ...r, importance: undefined } : r))
  .map(({ importance, ...r }): ResponseRecord => (importance ? { ...r, importance } : r))

const options: ReportOptions = { by: ['region'], importanceGate: false, minGroup: 3 }

/** A response's increments as string-keyed cells (cell scheme in reports/layout.ts). */
const deltaCells = (r: ResponseRecord, spec: AggregateSpec) =>
  aggregateCells(aggregatesFromBlocks(aggregateBlockDeltas(r, spec), spec))
const byCell = (a: { cell: string }, b: { cell: string }) =>
  a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0

describe('aggregates: sufficient statistics are exact and order-independent', () => {
  test('deltas summed as blocks == foldResponse one by one == raw fold == merge, exactly', () => {
    fc.assert(
      fc.property(
        fc.array(response, { maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        (rs, cut, segmentMultivariate) => {
          const spec = { ...baseSpec, segmentMultivariate }
          const raw = foldResponses(emptyAggregate(spec), rs)
          const oneByOne = rs.reduce(foldResponse, emptyAggregate(spec))
          const encode = blockEncoder(spec)
          const deltas = rs.flatMap((r) => encode(r))
          expect(rs.flatMap((r) => aggregateBlockDeltas(r, spec))).toEqual(deltas)
          for (const d of deltas) {
            expect(d.values).toHaveLength(BLOCK_WIDTH)
            expect(d.values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true)
            expect(d.values.some((v) => v > 0)).toBe(true)
          }
          const fromRows = aggregatesFromBlocks([...deltas].reverse(), spec)
          const fromSummed = aggregatesFromBlocks(sumBlocks(deltas), spec)
          const merged = mergeAggregates(
            foldResponses(emptyAggregate(spec), rs.slice(0, cut)),
            foldResponses(emptyAggregate(spec), rs.slice(cut)),
          )
          const reversed = foldResponses(emptyAggregate(spec), [...rs].reverse())
          for (const other of [oneByOne, fromRows, fromSummed, merged, reversed]) {
            expect(other).toEqual(raw)
          }
          expect(aggregatesFromBlocks(aggregateBlocks(raw), spec)).toEqual(raw)
          // the rows a rebuild writes are exactly the rows the increments leave
          expect(sumBlocks(deltas)).toEqual(aggregateBlocks(raw))
          expect(aggregatesFromCells(aggregateCells(raw), spec)).toEqual(raw)
          const viaRows = reportFromAggregates(fromRows, options)
          const viaRaw = reportFromResponses(rs, options, spec)
          expect(viaRows).toEqual(viaRaw)
          expect(JSON.parse(JSON.stringify(viaRaw))).toEqual(viaRaw) // no NaN, Infinity, undefined
        },
      ),
      { numRuns: 200 },
    )
  })

  test('segmentMultivariate: false keeps the complete-case block for audience groups only', () => {
    const spec = { ...baseSpec, segmentMultivariate: false }
    const r: ResponseRecord = {
      audience: 'customer',
      overall: 4,
      rebuy: 4,
      attributes: { quality: 4, delivery: 3, support: 5 },
      segments: { region: 'north' },
    }
    const rows = deltaCells(r, spec)
    const count = (group: string) => rows.filter((d) => d.group === group).length
    // audience: n, n:attributes, 3 attribute values, overall, rebuy, pair, cc:n, 4 sums, 10
    // products; battery: ab:n, 3 sums, 3 sums of squares, ab:t, ab:tt
    expect(count('customer')).toBe(32)
    expect(count('customer/region=north')).toBe(8)
    // 3 attributes: 91 cells, one block per group
    expect(aggregateBlockDeltas(r, spec).map((b) => [b.group, b.block])).toEqual([
      ['customer', 0],
      ['customer/region=north', 0],
    ])
    const report = reportFromResponses([r, r, r], { by: ['region'] }, spec)
    const north = report.groups[1]
    expect(!north.suppressed && north.importanceModel.reason).toBe('not aggregated for segments')
  })

  test('foldResponse does not mutate its input', () => {
    const agg = foldResponses(emptyAggregate(baseSpec), [
      { audience: 'customer', overall: 4, rebuy: 5, attributes: { quality: 3 }, segments: {} },
    ])
    const snapshot = JSON.stringify(agg)
    foldResponse(agg, { audience: 'customer', overall: 1, rebuy: 1, attributes: {}, segments: {} })
    expect(JSON.stringify(agg)).toBe(snapshot)
  })
})

describe('aggregateBlockDeltas()', () => {
  test('cell key scheme of one complete customer response', () => {
    const s: AggregateSpec = { attributes: { customer: ['quality', 'on time'] } }
    const r: ResponseRecord = {
      audience: 'customer',
      overall: 4,
      rebuy: 5,
      attributes: { quality: 3, 'on time': 2 },
      importance: { quality: 5 },
      segments: { region: 'north', size: null },
    }
    const rows = deltaCells(r, s).filter((d) => d.group === 'customer')
    // increments worked out by hand: x = (overall 4, quality 3, on time 2)
    expect(rows).toEqual(
      [
        ['n', 1],
        ['n:attributes', 1],
        ['v:overall:4', 1],
        ['v:rebuy:5', 1],
        ['v:a.quality:3', 1],
        ['v:a.on%20time:2', 1],
        ['v:i.quality:5', 1],
        ['pair:4:5', 1],
        ['cc:n', 1],
        ['cc:s:overall', 4],
        ['cc:s:a.quality', 3],
        ['cc:s:a.on%20time', 2],
        ['cc:p:overall|overall', 16],
        ['cc:p:overall|a.quality', 12],
        ['cc:p:overall|a.on%20time', 8],
        ['cc:p:a.quality|a.quality', 9],
        ['cc:p:a.quality|a.on%20time', 6],
        ['cc:p:a.on%20time|a.on%20time', 4],
        // battery (every attribute rated): T = 3 + 2 = 5
        ['ab:n', 1],
        ['ab:s:a.quality', 3],
        ['ab:s:a.on%20time', 2],
        ['ab:q:a.quality', 9],
        ['ab:q:a.on%20time', 4],
        ['ab:t', 5],
        ['ab:tt', 25],
      ]
        .map(([cell, value]) => ({ group: 'customer', cell: cell as string, value }))
        .sort(byCell),
    )
    const groups = [...new Set(aggregateBlockDeltas(r, s).map((d) => d.group))]
    expect(groups).toEqual(['customer', 'customer/region=north'])
  })

  test('an incomplete response adds no complete-case cells', () => {
    const s: AggregateSpec = { attributes: { employee: ['quality', 'delivery'] } }
    const cells = deltaCells(
      { audience: 'employee', overall: null, rebuy: 3, attributes: { quality: 4 }, segments: {} },
      s,
    ).map((d) => d.cell)
    expect(cells).toEqual(['n', 'n:attributes', 'v:a.quality:4', 'v:rebuy:3'])
  })

  test.each([
    [{ overall: 0 }, /overall: rating must be an integer 1–5/],
    [{ overall: 4.5 }, /overall/],
    [{ rebuy: 6 }, /rebuy/],
    [{ attributes: { quality: 2.5 } }, /quality/],
    [{ attributes: { unknown: 3 } }, /unknown attribute "unknown"/],
    [{ importance: { quality: 9 } }, /importance of quality/],
  ])('refuses %o', (patch, message) => {
    const base = {
      audience: 'customer' as const,
      overall: 3,
      rebuy: 3,
      attributes: {},
      segments: {},
    }
    expect(() => aggregateBlockDeltas({ ...base, ...patch }, baseSpec)).toThrow(message)
  })

  test('aggregatesFromCells refuses unknown cells, bad group keys and non-integers', () => {
    expect(() =>
      aggregatesFromCells([{ group: 'customer', cell: 'v:x:1', value: 1 }], baseSpec),
    ).toThrow(/unknown cell/)
    expect(() =>
      aggregatesFromCells([{ group: 'martian', cell: 'n', value: 1 }], baseSpec),
    ).toThrow(/bad aggregate group key/)
    expect(() =>
      aggregatesFromCells([{ group: 'customer', cell: 'n', value: 0.5 }], baseSpec),
    ).toThrow(/not an integer/)
    expect(() =>
      aggregatesFromCells([{ group: 'customer', cell: 'toString', value: 1 }], baseSpec),
    ).toThrow(/unknown cell/)
  })

  test('aggregatesFromBlocks refuses cells past the layout, bad group keys and non-integers', () => {
    const block = (group: string, b: number, at: number, v: number): CellBlock => ({
      group,
      block: b,
      values: Array.from({ length: BLOCK_WIDTH }, (_, i) => (i === at ? v : 0)),
    })
    // customer under baseSpec: 3 attributes, 2 + 5·8 + 25 + 1 + 4 + 10 + (3 + 2·3) = 91 cells
    expect(
      aggregatesFromBlocks([block('customer', 0, 90, 1)], baseSpec).groups.customer,
    ).toBeTruthy()
    expect(() => aggregatesFromBlocks([block('customer', 0, 91, 1)], baseSpec)).toThrow(
      /past the layout/,
    )
    expect(() => aggregatesFromBlocks([block('customer', 1, 0, 1)], baseSpec)).toThrow(
      /past the layout/,
    )
    expect(() => aggregatesFromBlocks([block('martian', 0, 0, 1)], baseSpec)).toThrow(
      /bad aggregate group key/,
    )
    expect(() => aggregatesFromBlocks([block('customer', 0, 0, 0.5)], baseSpec)).toThrow(
      /not an integer/,
    )
    expect(() => aggregatesFromBlocks([block('customer', -1, 0, 1)], baseSpec)).toThrow(/bad block/)
  })

  test('a 15-attribute group is four blocks: counts in 0–1, the complete-case block in 1–3', () => {
    const keys = Array.from({ length: 15 }, (_, i) => `a${i}`)
    const spec: AggregateSpec = { attributes: { customer: keys }, segments: ['region'] }
    const full = Object.fromEntries(keys.map((k) => [k, 3]))
    const r = (attributes: Record<string, number>): ResponseRecord => ({
      audience: 'customer',
      overall: 4,
      rebuy: 4,
      attributes,
      segments: { region: 'north' },
    })
    const blocks = (x: ResponseRecord, s: AggregateSpec) =>
      aggregateBlockDeltas(x, s).map((b) => `${b.group}#${b.block}`)
    // layout: 2 + 5·32 value counts + 25 pairs = 187 count cells, 1 + 16 + 136 complete-case
    expect(blocks(r(full), spec)).toEqual([
      'customer#0',
      'customer#1',
      'customer#2',
      'customer#3',
      'customer/region=north#0',
      'customer/region=north#1',
      'customer/region=north#2',
      'customer/region=north#3',
    ])
    expect(blocks(r(full), { ...spec, segmentMultivariate: false })).toHaveLength(4 + 2)
    // overall × rebuy (cells 162–186) is in block 1
    expect(blocks(r({ a0: 5 }), spec)).toEqual([
      'customer#0',
      'customer#1',
      'customer/region=north#0',
      'customer/region=north#1',
    ])
    const noOverall = { ...r({ a0: 5 }), overall: null }
    expect(blocks(noOverall, spec)).toEqual(['customer#0', 'customer/region=north#0'])
  })

  test('mergeAggregates refuses different specs', () => {
    const other: AggregateSpec = { attributes: { customer: ['quality'] } }
    expect(() => mergeAggregates(emptyAggregate(baseSpec), emptyAggregate(other))).toThrow(
      /different specs/,
    )
  })
})
