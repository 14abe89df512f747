import { eq, sql } from 'drizzle-orm'
import type { Aggregate, AggregateSpec, CellRow, ResponseRecord } from '../../reports'
import { aggregateCells as cellsOf, deltaEncoder } from '../../reports'
import type { Statement } from './atomic'
import type { Db, Store } from './client'
import { aggregateCells } from './schema'

// D1 binds at most 100 parameters per statement; a cell row binds 4.
const ROWS_PER_STATEMENT = 25

const encoders = new WeakMap<AggregateSpec, (r: ResponseRecord) => CellRow[]>()

/** The upserts that add one response (or a summed batch) to a wave's aggregates. */
export function aggregateUpserts(db: Db, waveId: string, rows: readonly CellRow[]): Statement[] {
  const statements: Statement[] = []
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((r) => ({ waveId, groupKey: r.group, cell: r.cell, value: r.value }))
    statements.push(
      db
        .insert(aggregateCells)
        .values(chunk)
        .onConflictDoUpdate({
          target: [aggregateCells.waveId, aggregateCells.groupKey, aggregateCells.cell],
          set: { value: sql`${aggregateCells.value} + excluded.value` },
        }),
    )
  }
  return statements
}

/** The increments of one response, with the encoder built once per spec. */
export function responseDeltas(spec: AggregateSpec, record: ResponseRecord): CellRow[] {
  let encode = encoders.get(spec)
  if (!encode) encoders.set(spec, (encode = deltaEncoder(spec)))
  return encode(record)
}

export async function loadAggregateRows(db: Db, waveId: string): Promise<CellRow[]> {
  return db
    .select({
      group: aggregateCells.groupKey,
      cell: aggregateCells.cell,
      value: aggregateCells.value,
    })
    .from(aggregateCells)
    .where(eq(aggregateCells.waveId, waveId))
}

/** Replaces a wave's aggregates by `agg` in one atomic write (the end of a rebuild). */
export async function replaceAggregates({ db, atomic }: Store, waveId: string, agg: Aggregate) {
  const rows = cellsOf(agg)
  await atomic([
    db.delete(aggregateCells).where(eq(aggregateCells.waveId, waveId)),
    ...aggregateUpserts(db, waveId, rows),
  ])
  return { cells: rows.length }
}
