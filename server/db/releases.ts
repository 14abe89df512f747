import { and, eq, sql } from 'drizzle-orm'
import type { CellBlock } from '../../reports'
import { BLOCK_WIDTH } from './aggregate-adds'
import { rowBlock } from './aggregates'
import { rawStatement } from './atomic'
import type { Db, Store } from './client'
import { aggregateBlocks, legacyReleaseCells, releaseBlocks, releases, responses } from './schema'

const blockColumns = sql.raw(
  ['wave_id', 'group_key', 'block', ...Array.from({ length: BLOCK_WIDTH }, (_, i) => `v${i}`)].join(
    ', ',
  ),
)

export type Release = typeof releases.$inferSelect

export async function getRelease(db: Db, waveId: string): Promise<Release | null> {
  const [row] = await db.select().from(releases).where(eq(releases.waveId, waveId))
  return row ?? null
}

/** The blocks of a wave's latest release (decode with `aggregatesFromBlocks`). */
export async function loadRelease(db: Db, waveId: string): Promise<CellBlock[]> {
  const rows = await db.select().from(releaseBlocks).where(eq(releaseBlocks.waveId, waveId))
  return rows.map(rowBlock)
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
    db.delete(releaseBlocks).where(and(eq(releaseBlocks.waveId, waveId), unchanged)),
    // A copy an older version left in the cell format must not be converted over this release.
    db.delete(legacyReleaseCells).where(and(eq(legacyReleaseCells.waveId, waveId), unchanged)),
    rawStatement(
      db,
      sql`insert into ${releaseBlocks} (${blockColumns})
      select ${blockColumns} from ${aggregateBlocks}
      where ${aggregateBlocks.waveId} = ${waveId} and ${unchanged}`,
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
