import fc from 'fast-check'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import {
  aggregateBlocks,
  aggregateCells,
  emptyAggregate,
  foldResponses,
  type AggregateSpec,
  type CellBlock,
  type ResponseRecord,
} from '../../../reports'
import { addStatements, loadAggregates, responseAdds } from '../../../server/db/aggregates'
import type { Statement } from '../../../server/db/atomic'
import type { Store } from '../../../server/db/client'
import { convertLegacyAggregates } from '../../../server/db/legacy-aggregates'
import { loadRelease } from '../../../server/db/releases'
import { legacyAggregateCells, legacyReleaseCells, releaseBlocks } from '../../../server/db/schema'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { makeTestApp } from '../../helpers/app'

const sorted = (rows: CellBlock[]) =>
  [...rows].sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : x.block - y.block))

async function customerWave() {
  const { store, db } = await makeTestApp()
  const { wave } = await createWave(db, { surveyId: 'customer', name: 'Old' })
  const spec = (await loadWaveSurvey(db, wave.id))!.spec as AggregateSpec
  const keys = spec.attributes.customer!
  const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })
  const records = fc.sample(
    fc.record({
      audience: fc.constant('customer' as const),
      overall: rating,
      rebuy: rating,
      attributes: fc.record(Object.fromEntries(keys.map((k) => [k, rating]))),
      segments: fc.record({ region: fc.constantFrom('north', 'south', null) }),
    }),
    { numRuns: 40, seed: 7 },
  ) as ResponseRecord[]
  return { store, waveId: wave.id, spec, records }
}

/** What an older version left: one row per (wave, group, cell). */
async function writeLegacy(
  store: Store,
  table: typeof legacyAggregateCells,
  waveId: string,
  agg: ReturnType<typeof foldResponses>,
) {
  const rows = aggregateCells(agg).map((r) => ({
    waveId,
    groupKey: r.group,
    cell: r.cell,
    value: r.value,
  }))
  for (let i = 0; i < rows.length; i += 25)
    await store.db.insert(table).values(rows.slice(i, i + 25))
  return rows.length
}

const fold = (spec: AggregateSpec, rs: ResponseRecord[]) => foldResponses(emptyAggregate(spec), rs)

describe('convertLegacyAggregates()', () => {
  test('old cells become blocks added to those already there; a release is replaced; once', async () => {
    const { store, waveId, spec, records } = await customerWave()
    const [old, recent] = [records.slice(0, 25), records.slice(25)]
    expect(await writeLegacy(store, legacyAggregateCells, waveId, fold(spec, old))).toBeGreaterThan(
      100,
    )
    await writeLegacy(store, legacyReleaseCells, waveId, fold(spec, old.slice(0, 10)))
    // Responses the new version took before the conversion ran, and a release it cut.
    const adds = recent.flatMap((r) => responseAdds(waveId, spec, r))
    await store.atomic(addStatements(store.db, adds) as [Statement, ...Statement[]])
    await store.db.run(
      sql`insert into ${releaseBlocks} (wave_id, group_key, block, v0) values (${waveId}, 'customer', 0, 99)`,
    )

    // Two at once (two isolates starting): the guards let exactly one of them write.
    const [a, b] = await Promise.all([
      convertLegacyAggregates(store),
      convertLegacyAggregates(store),
    ])
    expect([...a.converted, ...b.converted].sort()).toEqual([waveId, waveId, waveId, waveId])
    expect(a.failed).toEqual([])
    expect(sorted(await loadAggregates(store.db, waveId))).toEqual(
      aggregateBlocks(fold(spec, records)),
    )
    expect(sorted(await loadRelease(store.db, waveId))).toEqual(
      aggregateBlocks(fold(spec, old.slice(0, 10))),
    )
    expect(await store.db.select().from(legacyAggregateCells)).toEqual([])
    expect(await store.db.select().from(legacyReleaseCells)).toEqual([])
    expect(await convertLegacyAggregates(store)).toEqual({ converted: [], failed: [] })
  })

  test('cells an old version changes meanwhile are not lost: that write is void and redone next start', async () => {
    const { store, waveId, spec, records } = await customerWave()
    await writeLegacy(store, legacyAggregateCells, waveId, fold(spec, records.slice(0, 20)))
    const atomic = store.atomic
    let raced = false
    const racing: Store = {
      db: store.db,
      atomic: async (statements) => {
        if (!raced) {
          raced = true
          // an old-version response lands between the read and the write: n of the wave + 1
          const [n] = await store.db
            .select()
            .from(legacyAggregateCells)
            .where(eq(legacyAggregateCells.cell, 'n'))
          await store.db
            .update(legacyAggregateCells)
            .set({ value: n!.value + 1 })
            .where(eq(legacyAggregateCells.cell, 'n'))
        }
        return atomic(statements)
      },
    }
    await convertLegacyAggregates(racing)
    expect(await loadAggregates(store.db, waveId)).toEqual([])
    await convertLegacyAggregates(store)
    const blocks = await loadAggregates(store.db, waveId)
    const expected = aggregateBlocks(fold(spec, records.slice(0, 20)))
    const n = (rows: CellBlock[]) =>
      rows.find((r) => r.group === 'customer' && r.block === 0)!.values[0]
    expect(n(blocks)).toBe(n(expected) + 1)
    expect(await store.db.select().from(legacyAggregateCells)).toEqual([])
  })

  test('cells that do not decode under the survey are left and reported', async () => {
    const { store, waveId } = await customerWave()
    await store.db
      .insert(legacyAggregateCells)
      .values({ waveId, groupKey: 'customer', cell: 'v:nope:1', value: 1 })
    const r = await convertLegacyAggregates(store)
    expect(r.failed).toEqual([{ waveId, error: expect.stringMatching(/unknown cell/) }])
    expect(await store.db.select().from(legacyAggregateCells)).toHaveLength(1)
  })
})
