import { eq } from 'drizzle-orm'
import type { Aggregate, AggregateSpec, CellBlock, ResponseRecord } from '../../reports'
import { aggregateBlocks as blocksOf, blockEncoder } from '../../reports'
import { BLOCK_WIDTH, type AggregateAdd } from './aggregate-adds'
import type { Statement } from './atomic'
import type { Db, Store } from './client'
import { aggregateBlocks, legacyAggregateCells } from './schema'

const counterNames = Array.from({ length: BLOCK_WIDTH }, (_, i) => `v${i}`)

const blockAddSql = (table: string) =>
  `insert into "${table}" (wave_id, group_key, block, ${counterNames.join(', ')}) values (${new Array(3 + BLOCK_WIDTH).fill('?').join(', ')}) on conflict (wave_id, group_key, block) do update set ${counterNames.map((v) => `${v} = ${v} + excluded.${v}`).join(', ')}`

/**
 * The one SQL text of every aggregate add (adding to a block, creating its row if needed): 99 bound parameters ({@link blockAddParams}), under
 * D1's 100, so the Node side can prepare it once.
 */
export const BLOCK_ADD_SQL = blockAddSql('aggregate_blocks')

/** The parameters of {@link BLOCK_ADD_SQL} for one add: wave, group, block, 96 counters. */
export function blockAddParams(add: AggregateAdd): (string | number)[] {
  const params = new Array<string | number>(3 + BLOCK_WIDTH)
  params[0] = add.waveId
  params[1] = add.group
  params[2] = add.block
  const values = add.values
  for (let i = 0; i < BLOCK_WIDTH; i++) params[3 + i] = values[i] ?? 0
  return params
}

type Run = { run(params: unknown[]): unknown }
type Internals = {
  resultKind?: string
  session: {
    client: { prepare(sql: string): Run }
    prepareQuery(q: { sql: string; params: unknown[] }, f: undefined, m: 'run', a: false): unknown
  }
}
const prepared = new WeakMap<object, Run>()

/**
 * One statement per add, all with the text {@link BLOCK_ADD_SQL}. Made without drizzle's query
 * builder (building 99 parameters a statement through it cost ~1.5 ms a response): on D1 a
 * prepared query of the session, which is what `batch` expects of its items; on better-sqlite3
 * one statement prepared per connection, run inside `atomic`'s transaction.
 */
export function addStatements(db: Db, adds: readonly AggregateAdd[]): Statement[] {
  const { resultKind, session } = db as unknown as Internals
  if (resultKind === 'async') {
    return adds.map((add) => {
      const query = { sql: BLOCK_ADD_SQL, params: blockAddParams(add) }
      const q = session.prepareQuery(query, undefined, 'run', false)
      return { _prepare: () => q } as unknown as Statement
    })
  }
  let stmt = prepared.get(session.client)
  if (!stmt) prepared.set(session.client, (stmt = session.client.prepare(BLOCK_ADD_SQL)))
  const run = stmt
  return adds.map((add) => ({ run: () => run.run(blockAddParams(add)) }) as unknown as Statement)
}

const encoders = new WeakMap<AggregateSpec, (r: ResponseRecord) => CellBlock[]>()

/** What one response adds to its wave's aggregates: a few blocks per group it feeds. */
export function responseAdds(
  waveId: string,
  spec: AggregateSpec,
  record: ResponseRecord,
): AggregateAdd[] {
  let encode = encoders.get(spec)
  if (!encode) encoders.set(spec, (encode = blockEncoder(spec)))
  return encode(record).map((b) => ({ waveId, group: b.group, block: b.block, values: b.values }))
}

/** The adds that write an aggregate (or a batch's summed increments) into a wave. */
export function aggregateAdds(waveId: string, agg: Aggregate): AggregateAdd[] {
  return blocksOf(agg).map((b) => ({ waveId, group: b.group, block: b.block, values: b.values }))
}

/** A row of a block table as a block (counters v0…v95 in order). */
export function rowBlock(row: Record<string, unknown>): CellBlock {
  const values = new Array<number>(BLOCK_WIDTH)
  for (let i = 0; i < BLOCK_WIDTH; i++) values[i] = row[counterNames[i]!] as number
  return { group: row.groupKey as string, block: row.block as number, values }
}

/** A wave's stored aggregate blocks (decode with `aggregatesFromBlocks` under the wave's spec). */
export async function loadAggregates(db: Db, waveId: string): Promise<CellBlock[]> {
  const rows = await db.select().from(aggregateBlocks).where(eq(aggregateBlocks.waveId, waveId))
  return rows.map(rowBlock)
}

/**
 * Replaces a wave's aggregates by `agg` in one atomic write (the end of a rebuild), cells an
 * older version left unconverted included.
 */
export async function replaceAggregates({ db, atomic }: Store, waveId: string, agg: Aggregate) {
  const adds = aggregateAdds(waveId, agg)
  await atomic([
    db.delete(aggregateBlocks).where(eq(aggregateBlocks.waveId, waveId)),
    db.delete(legacyAggregateCells).where(eq(legacyAggregateCells.waveId, waveId)),
    ...addStatements(db, adds),
  ])
  const cells = adds.reduce((n, a) => n + a.values.filter((v) => v !== 0).length, 0)
  return { cells, blocks: adds.length }
}
