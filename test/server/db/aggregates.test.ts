import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  aggregateBlocks,
  emptyAggregate,
  foldResponses,
  type AggregateSpec,
  type CellBlock,
  type ResponseRecord,
} from '../../../reports'
import { foldAdds } from '../../../server/db/aggregate-adds'
import {
  addStatements,
  BLOCK_ADD_SQL,
  blockAddParams,
  loadAggregates,
  replaceAggregates,
  responseAdds,
} from '../../../server/db/aggregates'
import type { Statement } from '../../../server/db/atomic'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { makeTestApp } from '../../helpers/app'

const sorted = (rows: CellBlock[]) =>
  [...rows].sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : x.block - y.block))

describe('aggregate blocks in SQLite', () => {
  test('one SQL text with 99 parameters (D1 binds at most 100)', () => {
    expect(BLOCK_ADD_SQL.match(/\?/g)).toHaveLength(99)
    const params = blockAddParams({ waveId: 'w', group: 'customer', block: 1, values: [3] })
    expect(params).toHaveLength(99)
    expect(params.slice(0, 5)).toEqual(['w', 'customer', 1, 3, 0])
  })

  test('response by response, folded through the prepared statement, or rebuilt: the same rows', async () => {
    const { store, db } = await makeTestApp()
    const waves = await Promise.all(
      ['one by one', 'folded', 'rebuilt'].map(
        async (name) => (await createWave(db, { surveyId: 'customer', name })).wave.id,
      ),
    )
    const spec = (await loadWaveSurvey(db, waves[0]!))!.spec as AggregateSpec
    const keys = spec.attributes.customer!
    const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 })
    const record: fc.Arbitrary<ResponseRecord> = fc.record({
      audience: fc.constant('customer' as const),
      overall: rating,
      rebuy: rating,
      attributes: fc.record(Object.fromEntries(keys.map((k) => [k, rating]))),
      importance: fc.record(Object.fromEntries(keys.map((k) => [k, rating]))),
      segments: fc.record({
        region: fc.constantFrom('north', 'south', 'a/b=c', null),
        customer_size: fc.constantFrom('small', 'large', null),
      }),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 30 }), async (rs) => {
        const [oneByOne, folded, rebuilt] = waves as [string, string, string]
        for (const w of waves) await replaceAggregates(store, w, emptyAggregate(spec))
        for (const r of rs) {
          const [first, ...rest] = addStatements(db, responseAdds(oneByOne, spec, r))
          await store.atomic([first as Statement, ...rest])
        }
        const add = store.sqlite.prepare(BLOCK_ADD_SQL)
        store.sqlite.transaction(() => {
          for (const a of foldAdds(rs.flatMap((r) => responseAdds(folded, spec, r))))
            add.run(blockAddParams(a))
        })()
        const agg = foldResponses(emptyAggregate(spec), rs)
        await replaceAggregates(store, rebuilt, agg)
        const expected = aggregateBlocks(agg)
        for (const w of waves) expect(sorted(await loadAggregates(db, w))).toEqual(expected)
      }),
      { numRuns: 25 },
    )
  })
})
