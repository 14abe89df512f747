import { and, eq, sql } from 'drizzle-orm'
import type { CellRow } from '../../reports'
import { rawStatement } from './atomic'
import type { Db, Store } from './client'
import { aggregateCells, releaseCells, releases, responses } from './schema'

export type Release = typeof releases.$inferSelect

export async function getRelease(db: Db, waveId: string): Promise<Release | null> {
  const [row] = await db.select().from(releases).where(eq(releases.waveId, waveId))
  return row ?? null
}

export async function loadReleaseRows(db: Db, waveId: string): Promise<CellRow[]> {
  return db
    .select({ group: releaseCells.groupKey, cell: releaseCells.cell, value: releaseCells.value })
    .from(releaseCells)
    .where(eq(releaseCells.waveId, waveId))
}

/**
 * Copies the wave's aggregates into its release, in one atomic write, if and only if the wave
 * still has exactly `responses` responses: the set that was checked. A response that arrived
 * meanwhile makes every statement a no-op (the caller sees the old release and checks again).
 */
export async function cutRelease(
  { db, atomic }: Store,
  waveId: string,
  next: { seq: number; responses: number; final: boolean; now: Date },
) {
  const unchanged = sql`(select count(*) from ${responses} where ${responses.waveId} = ${waveId}) = ${next.responses}`
  await atomic([
    db.delete(releaseCells).where(and(eq(releaseCells.waveId, waveId), unchanged)),
    rawStatement(
      db,
      sql`insert into ${releaseCells} (wave_id, group_key, cell, value)
      select wave_id, group_key, cell, value from ${aggregateCells}
      where ${aggregateCells.waveId} = ${waveId} and ${unchanged}`,
    ),
    rawStatement(
      db,
      sql`insert into ${releases} (wave_id, seq, responses, final, released_at)
      select ${waveId}, ${next.seq}, ${next.responses}, ${next.final ? 1 : 0}, ${Math.floor(next.now.getTime() / 1000)}
      where ${unchanged}
      on conflict (wave_id) do update set seq = excluded.seq, responses = excluded.responses,
        final = excluded.final, released_at = excluded.released_at`,
    ),
    db
      .update(responses)
      .set({ releaseSeq: next.seq })
      .where(and(eq(responses.waveId, waveId), sql`${responses.releaseSeq} is null`, unchanged)),
  ])
}
