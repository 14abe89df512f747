import { clearDrafts } from '../db/invitations'
import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import type { Store } from '../db/client'
import { enqueueReminders } from '../db/outbox'
import { outbox, waves } from '../db/schema'
import { queueWaveClosed } from '../db/webhooks'
import { queueDigests } from '../follow-ups/owner-digests'

export type ScheduledRunResult = {
  /** Waves whose closing date passed since the last run, now marked closed. */
  closed: string[]
  /** Reminders queued, per wave that had any due. */
  reminders: { waveId: string; queued: number }[]
  /** Owners' digests queued (one per owner and UTC day, from the digest hour on). */
  digests: number
  /** Waves with email due now, handed to the sender. */
  kicked: string[]
}

/**
 * What the cron trigger (Workers) or the timer (Node) does every few minutes: closes waves
 * whose closing date has passed, queues the reminders each open wave's rule makes due and the
 * owners' digests that are due, and starts sending every wave that has email due (new
 * reminders, retries, follow-ups, digests). Each step is safe to repeat: a second run finds
 * nothing more to do.
 */
export async function runSchedule(
  store: Store,
  o: { host: string; now: Date; send: (waveId: string) => unknown },
): Promise<ScheduledRunResult> {
  const { db } = store
  const closed = (
    await db
      .update(waves)
      .set({ closedAt: sql`${waves.closesAt}` })
      .where(and(isNull(waves.closedAt), isNotNull(waves.closesAt), lte(waves.closesAt, o.now)))
      .returning({ id: waves.id })
  ).map((w) => w.id)
  await clearDrafts(db, closed)
  await queueWaveClosed(db, closed, o.now)
  for (let i = 0; i < closed.length; i += 90) {
    // Survey emails of a closed wave would carry dead links. Rows a sender holds are left to
    // it (it cancels them itself); follow-ups outlive the wave.
    await db
      .update(outbox)
      .set({ status: 'cancelled', token: null, lastError: 'wave closed' })
      .where(
        and(
          inArray(outbox.waveId, closed.slice(i, i + 90)),
          eq(outbox.status, 'pending'),
          inArray(outbox.kind, ['invitation', 'reminder']),
          or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, o.now)),
        ),
      )
  }

  const open = await db
    .select({ id: waves.id, afterDays: waves.remindAfterDays, max: waves.maxReminders })
    .from(waves)
    .where(
      and(
        isNull(waves.closedAt),
        or(isNull(waves.closesAt), gt(waves.closesAt, o.now)),
        or(isNull(waves.opensAt), lte(waves.opensAt, o.now)),
        gt(waves.maxReminders, 0),
      ),
    )
  const reminders: ScheduledRunResult['reminders'] = []
  for (const w of open) {
    const queued = await enqueueReminders(
      store,
      w.id,
      { afterDays: w.afterDays, max: w.max },
      o.host,
      o.now,
    )
    if (queued > 0) reminders.push({ waveId: w.id, queued })
  }

  const digests = (await queueDigests(store, o)).length

  const due = await db
    .selectDistinct({ waveId: outbox.waveId })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lte(outbox.nextAttemptAt, o.now),
        or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, o.now)),
      ),
    )
  const kicked = due.map((d) => d.waveId)
  for (const waveId of kicked) await o.send(waveId)
  return { closed, reminders, digests, kicked }
}

/** One line for the logs. */
export function describeScheduledRun(r: ScheduledRunResult) {
  const reminders = r.reminders.reduce((n, w) => n + w.queued, 0)
  return `scheduled run: ${r.closed.length} wave(s) closed, ${reminders} reminder(s) queued in ${r.reminders.length} wave(s), ${r.digests} digest(s) queued, sending started for ${r.kicked.length} wave(s)`
}
