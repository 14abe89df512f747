import { eq, sql, type SQL } from 'drizzle-orm'
import { aggregateBlocks as blocksOf, aggregatesFromCells, type AggregateSpec } from '../../reports'
import { BLOCK_WIDTH } from './aggregate-adds'
import { rawStatement, type Statement } from './atomic'
import type { Store } from './client'
import { aggregateBlocks, legacyAggregateCells, legacyReleaseCells, releaseBlocks } from './schema'
import { loadWaveSurvey } from './wave-survey'

type CellTable = typeof legacyAggregateCells
type BlockTable = typeof aggregateBlocks

const counters = Array.from({ length: BLOCK_WIDTH }, (_, i) => `v${i}`)
const columns = sql.raw(['wave_id', 'group_key', 'block', ...counters].join(', '))
const addCounters = sql.raw(counters.map((v) => `${v} = ${v} + excluded.${v}`).join(', '))

/**
 * Converts the aggregates an older version stored one row per cell (`aggregate_cells`,
 * `release_cells`) into blocks, wave by wave, and deletes the old rows; run at every start (the
 * seed step, on Node and on Workers) until a later migration drops the old tables. Each wave is
 * one atomic write whose statements all check that the wave's old rows are still exactly the
 * ones read (count and sum), so two isolates converting at once, or a response an old version
 * still adds meanwhile, can neither count cells twice nor lose them. Aggregate cells are added
 * to any blocks already there (responses the new version took first); a release is replaced.
 * A wave whose cells do not decode under its survey is left as it is, and reported.
 */
export async function convertLegacyAggregates(store: Store) {
  const converted: string[] = []
  const failed: { waveId: string; error: string }[] = []
  for (const [legacy, blocks, replace] of [
    [legacyAggregateCells, aggregateBlocks, false],
    [legacyReleaseCells, releaseBlocks, true],
  ] as const) {
    const waves = await store.db.selectDistinct({ id: legacy.waveId }).from(legacy)
    for (const { id } of waves) {
      try {
        await convertWave(store, id, legacy, blocks, replace)
        converted.push(id)
      } catch (err) {
        failed.push({ waveId: id, error: err instanceof Error ? err.message : String(err) })
      }
    }
  }
  for (const f of failed)
    console.error(
      `Aggregates of wave ${f.waveId} stored by an older version could not be converted (${f.error}); rebuild them from the responses: csi aggregates rebuild --wave ${f.waveId}`,
    )
  return { converted, failed }
}

async function convertWave(
  { db, atomic }: Store,
  waveId: string,
  legacy: CellTable,
  blocks: BlockTable,
  replace: boolean,
) {
  const loaded = await loadWaveSurvey(db, waveId)
  if (!loaded) throw new Error('no such wave')
  const rows = await db
    .select({ group: legacy.groupKey, cell: legacy.cell, value: legacy.value })
    .from(legacy)
    .where(eq(legacy.waveId, waveId))
  const agg = aggregatesFromCells(rows, loaded.spec as AggregateSpec)
  const sum = rows.reduce((s, r) => s + r.value, 0)
  // The old rows are still the ones read: integers inlined, so a block add stays at 99 parameters.
  const same = (w: SQL) =>
    sql`(select count(*) from ${legacy} l where l.wave_id = ${w}) = ${sql.raw(String(rows.length))}
      and (select total(value) from ${legacy} l where l.wave_id = ${w}) = ${sql.raw(String(sum))}`
  const statements: Statement[] = []
  if (replace)
    statements.push(
      rawStatement(
        db,
        sql`delete from ${blocks} where wave_id = ${waveId} and ${same(sql`${waveId}`)}`,
      ),
    )
  for (const b of blocksOf(agg)) {
    const values = sql.join(
      b.values.map((v) => sql`${v}`),
      sql.raw(', '),
    )
    statements.push(
      rawStatement(
        db,
        sql`insert into ${blocks} (${columns})
          select p.w, ${b.group}, ${b.block}, ${values} from (select ${waveId} as w) p
          where ${same(sql`p.w`)}
          on conflict (wave_id, group_key, block) do update set ${addCounters}`,
      ),
    )
  }
  statements.push(
    rawStatement(
      db,
      sql`delete from ${legacy} where wave_id = ${waveId} and ${same(sql`${waveId}`)}`,
    ),
  )
  await atomic(statements as [Statement, ...Statement[]])
}
