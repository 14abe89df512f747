import { and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import type { Statement } from './atomic'
import { rawStatement } from './atomic'
import type { Db } from './client'
import { ownerWantsDigest } from './alerts'
import { alerts, digests, waves } from './schema'

// Employee waves never open alerts (their rules are refused); a digest re-checks it anyway.
const waiting = sql`a.via_digest = 1 and a.digest_id is null
  and exists (select 1 from waves w where w.id = a.wave_id and w.audience <> 'employee')`

/**
 * Owners with alerts waiting for a digest and none yet on `day`: how many wait, and whether the
 * owner takes a daily digest.
 */
export async function ownersWaiting(db: Db, day: string) {
  const rows = await db
    .select({
      ownerEmail: alerts.ownerEmail,
      waiting: count(),
      daily: sql<number>`${ownerWantsDigest(sql`${alerts.ownerEmail}`)}`,
    })
    .from(alerts)
    .innerJoin(waves, eq(waves.id, alerts.waveId))
    .where(
      and(
        eq(alerts.viaDigest, true),
        isNull(alerts.digestId),
        isNotNull(alerts.ownerEmail),
        ne(waves.audience, 'employee'),
        sql`not exists (select 1 from ${digests} g where g.owner_email = ${alerts.ownerEmail} and g.day = ${day})`,
      ),
    )
    .groupBy(alerts.ownerEmail)
  return rows.map((r) => ({ ownerEmail: r.ownerEmail!, waiting: r.waiting, daily: !!r.daily }))
}

/**
 * One owner's digest of `day`: the digest row (unique per owner and day, and only while
 * something waits), the alerts waiting marked as listed in it, and its email queued. Both later
 * statements need the row this call inserted, so of two runs racing only one queues anything.
 */
export function digestStatements(
  db: Db,
  d: { id: string; ownerEmail: string; day: string; host: string; now: Date },
): Statement[] {
  const now = Math.floor(d.now.getTime() / 1000)
  return [
    rawStatement(
      db,
      sql`insert into digests (id, owner_email, day, created_at)
          select ${d.id}, ${d.ownerEmail}, ${d.day}, ${now}
          where exists (select 1 from alerts a where a.owner_email = ${d.ownerEmail} and ${waiting})
          on conflict do nothing`,
    ),
    rawStatement(
      db,
      sql`update alerts set digest_id = ${d.id}
          where id in (select a.id from alerts a where a.owner_email = ${d.ownerEmail} and ${waiting})
            and exists (select 1 from digests where id = ${d.id})`,
    ),
    // The outbox is kept per wave: a digest goes with the wave of the newest alert it lists.
    rawStatement(
      db,
      sql`insert into outbox (digest_id, to_email, wave_id, kind, seq, message_id, next_attempt_at)
          select g.id, g.owner_email,
                 (select a.wave_id from alerts a where a.digest_id = g.id order by a.created_at desc, a.id desc limit 1),
                 'digest', 0, '<digest.' || g.id || '@' || ${d.host} || '>', ${now}
          from digests g where g.id = ${d.id}
          on conflict do nothing`,
    ),
  ]
}

/** Which of these digest ids were written (the others lost a race or found nothing). */
export async function writtenDigests(db: Db, ids: readonly string[]) {
  const found: { id: string; ownerEmail: string }[] = []
  for (let i = 0; i < ids.length; i += 90)
    found.push(
      ...(await db
        .select({ id: digests.id, ownerEmail: digests.ownerEmail })
        .from(digests)
        .where(inArray(digests.id, ids.slice(i, i + 90)))),
    )
  return found
}

/** A digest and the alerts it lists in the order they were answered, with their waves' names. */
export async function loadDigest(db: Db, id: string) {
  const [digest] = await db.select().from(digests).where(eq(digests.id, id))
  if (!digest) return null
  const listed = await db
    .select({
      id: alerts.id,
      waveId: alerts.waveId,
      waveName: waves.name,
      contactEmail: alerts.contactEmail,
      contactName: alerts.contactName,
      reasons: alerts.reasons,
      createdAt: alerts.createdAt,
    })
    .from(alerts)
    .innerJoin(waves, eq(waves.id, alerts.waveId))
    .where(and(eq(alerts.digestId, id), ne(waves.audience, 'employee')))
    .orderBy(asc(alerts.createdAt), asc(alerts.responseId))
  return { ...digest, alerts: listed }
}
