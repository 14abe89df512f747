import type { D1Database } from '@cloudflare/workers-types'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { aggregateCells, aggregatesFromBlocks, type AggregateSpec } from '../../reports'
import {
  BLOCK_ADD_SQL,
  blockAddParams,
  loadAggregates,
  responseAdds,
} from '../../server/db/aggregates'
import { convertLegacyAggregates } from '../../server/db/legacy-aggregates'
import { aggregateBlocks, legacyAggregateCells } from '../../server/db/schema'
import { loadWaveSurvey } from '../../server/db/wave-survey'
import { responseRecord } from '../../server/surveys/response-record'
import { makeCustomerAnswers, submission } from '../helpers/answers'
import type { ApiTarget } from './target'
import { json } from './target'

const answers = makeCustomerAnswers({ region: 'north', customer_size: 'small' })

/**
 * Storage cost per response on both runtimes (SPEC §6: ≤ 50 rows written, D1 bills rows
 * written). A customer response feeds three groups (the audience, its region, its size) of
 * 172 cells: two blocks each, so six aggregate rows whatever the number of responses.
 */
export function aggregateStorageSuite(target: () => ApiTarget, d1?: () => D1Database) {
  describe('rows written per response', () => {
    test('a customer response adds to six aggregate rows, and the next one to the same six', async () => {
      const { db } = target().store
      const wave = await target().createWave({ surveyId: 'customer', name: 'Rows' })
      const blocks = async () =>
        (
          await db
            .select({ n: sql<number>`count(*)` })
            .from(aggregateBlocks)
            .where(eq(aggregateBlocks.waveId, wave.id))
        )[0]!.n
      for (let i = 1; i <= 2; i++) {
        const res = await target().fetch(
          `/api/links/${wave.token}/responses`,
          json(submission(answers)),
        )
        expect(res.status).toBe(201)
        expect(await blocks()).toBe(6)
      }
      expect(await target().responses(wave.id)).toHaveLength(2)
    })

    if (d1)
      test("D1's own count: the six block adds of a response are 6 rows written once the rows exist", async () => {
        const { db } = target().store
        const wave = await target().createWave({ surveyId: 'customer', name: 'D1 rows' })
        const loaded = (await loadWaveSurvey(db, wave.id))!
        const record = responseRecord('customer', loaded.survey.definition, answers)
        const adds = responseAdds(wave.id, loaded.spec, record)
        expect(adds).toHaveLength(6)
        const written = async () => {
          const results = await d1().batch(
            adds.map((a) =>
              d1()
                .prepare(BLOCK_ADD_SQL)
                .bind(...blockAddParams(a)),
            ),
          )
          return results.reduce((n, r) => n + r.meta.rows_written, 0)
        }
        const first = await written()
        const next = await written()
        // A new row also writes its primary-key index entry; an add to an existing row only the row.
        expect(first).toBe(12)
        expect(next).toBe(6)
      })

    test('cells an older version stored one per row convert into the same blocks', async () => {
      const store = target().store
      const wave = await target().createWave({ surveyId: 'customer', name: 'Old' })
      for (const overall of [2, 4, 5]) {
        const res = await target().fetch(
          `/api/links/${wave.token}/responses`,
          json(submission({ ...answers, overall })),
        )
        expect(res.status).toBe(201)
      }
      const kept = await loadAggregates(store.db, wave.id)
      const spec = (await loadWaveSurvey(store.db, wave.id))!.spec as AggregateSpec
      const rows = aggregateCells(aggregatesFromBlocks(kept, spec)).map((r) => ({
        waveId: wave.id,
        groupKey: r.group,
        cell: r.cell,
        value: r.value,
      }))
      await store.db.delete(aggregateBlocks).where(eq(aggregateBlocks.waveId, wave.id))
      for (let i = 0; i < rows.length; i += 25)
        await store.db.insert(legacyAggregateCells).values(rows.slice(i, i + 25))
      const r = await convertLegacyAggregates(store)
      expect(r).toEqual({ converted: [wave.id], failed: [] })
      const byKey = (a: { group: string; block: number }, b: { group: string; block: number }) =>
        a.group < b.group ? -1 : a.group > b.group ? 1 : a.block - b.block
      expect((await loadAggregates(store.db, wave.id)).sort(byKey)).toEqual(kept.sort(byKey))
      expect(
        await store.db
          .select()
          .from(legacyAggregateCells)
          .where(eq(legacyAggregateCells.waveId, wave.id)),
      ).toEqual([])
    })
  })
}
