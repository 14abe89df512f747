import { and, asc, count, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import { hashToken, randomToken } from '../lib/tokens'
import type { Statement } from './atomic'
import { rawStatement } from './atomic'
import type { Db, Store } from './client'
import { invitationTokens, invitations, optOuts, outbox, waves } from './schema'
import { invitationEventStatement } from './webhooks'

type OutboxKind = (typeof outbox.$inferSelect)['kind']

/**
 * Invitations prepared per atomic write: each gets its token and its outbox row together. The
 * rows travel as one JSON parameter per table (json_each), so a chunk is two statements whatever
 * its size: D1's 100-parameter limit never applies, and 10,000 invitations are 20 statements.
 */
export const ENQUEUE_CHUNK = 1000

/** Deterministic per message, so a receiving server can tell a resend from a new message. */
export function messageIdOf(invitationId: string, kind: OutboxKind, seq: number, host: string) {
  return `<${kind}-${seq}.${invitationId}@${host}>`
}

/**
 * Writes a token and an outbox row for each candidate in one atomic write. The outbox's unique
 * (invitation, kind, seq) index skips a second row, so two runs (or a D1 write repeated after it
 * had committed) can never queue a message twice.
 */
async function enqueue(
  { db, atomic }: Store,
  rows: { invitationId: string; waveId: string; seq: number }[],
  kind: OutboxKind,
  host: string,
  now: Date,
) {
  if (rows.length === 0) return 0
  const prepared = await Promise.all(
    rows.map(async (r) => {
      const token = randomToken()
      return { ...r, token, hash: await hashToken(token) }
    }),
  )
  const tokens = JSON.stringify(prepared.map((p) => [p.hash, p.invitationId]))
  const messages = JSON.stringify(
    prepared.map((p) => [
      p.invitationId,
      p.waveId,
      p.seq,
      p.token,
      messageIdOf(p.invitationId, kind, p.seq, host),
    ]),
  )
  const dueAt = Math.floor(now.getTime() / 1000)
  await atomic([
    rawStatement(
      db,
      sql`insert into ${invitationTokens} (hash, invitation_id)
          select value ->> 0, value ->> 1 from json_each(${tokens}) where true
          on conflict do nothing`,
    ),
    rawStatement(
      db,
      sql`insert into ${outbox} (invitation_id, wave_id, kind, seq, token, message_id, next_attempt_at)
          select value ->> 0, value ->> 1, ${kind}, value ->> 2, value ->> 3, value ->> 4, ${dueAt}
          from json_each(${messages}) where true
          on conflict do nothing`,
    ),
  ])
  return prepared.length
}

const notOptedOut = sql`not exists (select 1 from ${optOuts} where ${optOuts.email} = ${invitations.email})`

/**
 * Queues one invitation per contact of the wave that has none yet (skipping opted-out and
 * bounced addresses). Resumable: rerunning after a crash queues only what is missing.
 */
export async function enqueueInvitations(
  store: Store,
  waveId: string,
  host: string,
  now: Date,
  onChunk?: (n: number) => void,
) {
  let queued = 0
  let after = ''
  for (;;) {
    const batch = await store.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.waveId, waveId),
          gt(invitations.id, after),
          eq(invitations.bounced, false),
          notOptedOut,
          sql`not exists (select 1 from ${outbox} where ${outbox.invitationId} = ${invitations.id} and ${outbox.kind} = 'invitation')`,
        ),
      )
      .orderBy(asc(invitations.id))
      .limit(ENQUEUE_CHUNK)
    if (batch.length === 0) return queued
    after = batch[batch.length - 1]!.id
    const n = await enqueue(
      store,
      batch.map((b) => ({ invitationId: b.id, waveId, seq: 0 })),
      'invitation',
      host,
      now,
    )
    queued += n
    onChunk?.(n)
  }
}

export type ReminderRule = { afterDays: number; max: number }

/**
 * Queues a reminder for each invitee who has been emailed, has neither responded nor opted out,
 * has had fewer than `max` reminders, and was last emailed at least `afterDays` days ago.
 */
export async function enqueueReminders(
  store: Store,
  waveId: string,
  rule: ReminderRule,
  host: string,
  now: Date,
) {
  const cutoff = new Date(now.getTime() - rule.afterDays * 86_400_000)
  const remindersSent = sql<number>`(select count(*) from ${outbox} where ${outbox.invitationId} = ${invitations.id} and ${outbox.kind} = 'reminder')`
  let queued = 0
  let after = ''
  for (;;) {
    const batch = await store.db
      .select({ id: invitations.id, reminders: remindersSent })
      .from(invitations)
      .where(
        and(
          eq(invitations.waveId, waveId),
          gt(invitations.id, after),
          eq(invitations.responded, false),
          eq(invitations.bounced, false),
          gt(invitations.messagesSent, 0),
          lte(invitations.lastSentAt, cutoff),
          notOptedOut,
          // Nothing for this invitee still waiting to go out.
          sql`not exists (select 1 from ${outbox} where ${outbox.invitationId} = ${invitations.id} and ${outbox.status} = 'pending')`,
          lt(remindersSent, rule.max),
        ),
      )
      .orderBy(asc(invitations.id))
      .limit(ENQUEUE_CHUNK)
    if (batch.length === 0) return queued
    after = batch[batch.length - 1]!.id
    const rows = batch.map((b) => ({ invitationId: b.id, waveId, seq: Number(b.reminders) + 1 }))
    queued += await enqueue(store, rows, 'reminder', host, now)
  }
}

/** A leased message with what composing it needs. */
export type LeasedMessage = Awaited<ReturnType<typeof leaseDue>>[number]

/**
 * Leases up to `limit` due messages for `leaseMs`: one UPDATE … RETURNING, so two senders never
 * lease the same row. A sender that dies leaves its rows to be leased again when the lease ends.
 */
export async function leaseDue(db: Db, now: Date, leaseMs: number, limit: number, waveId?: string) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lte(outbox.nextAttemptAt, now),
        or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now)),
        waveId ? eq(outbox.waveId, waveId) : undefined,
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(limit)
  const leased = await db
    .update(outbox)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(inArray(outbox.id, due))
    .returning({ id: outbox.id })
  if (leased.length === 0) return []
  const ids = leased.map((l) => l.id)
  const rows = []
  // Read back in chunks under D1's 100-parameter limit.
  for (let i = 0; i < ids.length; i += 90) {
    rows.push(
      ...(await db
        .select({
          id: outbox.id,
          kind: outbox.kind,
          seq: outbox.seq,
          token: outbox.token,
          messageId: outbox.messageId,
          attempts: outbox.attempts,
          invitationId: outbox.invitationId,
          alertId: outbox.alertId,
          digestId: outbox.digestId,
          // An invitee's address, or the owner's for an alert or a digest.
          email: sql<string>`coalesce(${outbox.toEmail}, ${invitations.email})`,
          name: invitations.name,
          language: invitations.language,
          responded: invitations.responded,
          optedOut: sql<number>`exists (select 1 from ${optOuts} where ${optOuts.email} = ${invitations.email})`,
          waveId: waves.id,
          waveName: waves.name,
          audience: waves.audience,
          closesAt: waves.closesAt,
          closedAt: waves.closedAt,
        })
        .from(outbox)
        .leftJoin(invitations, eq(invitations.id, outbox.invitationId))
        .innerJoin(waves, eq(waves.id, outbox.waveId))
        .where(inArray(outbox.id, ids.slice(i, i + 90)))),
    )
  }
  return rows.sort((a, b) => a.id - b.id)
}

/**
 * Sent: the raw token leaves the database, and the invitee's last-contact time moves on. The
 * count is bumped only while the row is still pending, so running these statements twice (a
 * D1 write retried after it had in fact committed) counts the message once.
 */
export function markSentStatements(
  db: Db,
  m: { id: number; invitationId: string | null; kind: OutboxKind },
  now: Date,
): [Statement, ...Statement[]] {
  const sent = db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, token: null, leaseUntil: null, lastError: null })
    .where(and(eq(outbox.id, m.id), eq(outbox.status, 'pending')))
  // Only survey emails count towards reminders; an acknowledgement or an alert does not.
  if (!m.invitationId || (m.kind !== 'invitation' && m.kind !== 'reminder')) return [sent]
  const stillPending = sql`exists (select 1 from ${outbox} where ${outbox.id} = ${m.id} and ${outbox.status} = 'pending')`
  return [
    db
      .update(invitations)
      .set({ messagesSent: sql`${invitations.messagesSent} + 1`, lastSentAt: now })
      .where(and(eq(invitations.id, m.invitationId), stillPending)),
    sent,
  ]
}

export async function markRetry(
  db: Db,
  id: number,
  attempts: number,
  nextAttemptAt: Date,
  error: string,
) {
  await db
    .update(outbox)
    .set({ attempts, nextAttemptAt, leaseUntil: null, lastError: error.slice(0, 500) })
    .where(eq(outbox.id, id))
}

/** A permanent refusal (5xx) or too many attempts: the invitation is recorded as bounced. */
export async function markBounced(
  { db, atomic }: Store,
  m: { id: number; invitationId: string | null },
  attempts: number,
  error: string,
  status: 'bounced' | 'failed',
) {
  const marked = db
    .update(outbox)
    .set({ status, attempts, token: null, leaseUntil: null, lastError: error.slice(0, 500) })
    .where(eq(outbox.id, m.id))
  await atomic(
    m.invitationId
      ? [
          marked,
          db.update(invitations).set({ bounced: true }).where(eq(invitations.id, m.invitationId)),
          invitationEventStatement(db, 'invitation.bounced', m.invitationId, new Date()),
        ]
      : [marked],
  )
}

/** Not sent because it no longer applies (responded, opted out, wave closed). */
export async function markCancelled(db: Db, id: number, reason: string) {
  await db
    .update(outbox)
    .set({ status: 'cancelled', token: null, leaseUntil: null, lastError: reason })
    .where(eq(outbox.id, id))
}

/** Messages still to go for a wave (or all waves), and the earliest time one is due. */
export async function pendingSummary(db: Db, waveId?: string) {
  const [row] = await db
    // A leased row (a sender at work, or one that died) is due again when its lease ends.
    .select({
      pending: count(),
      nextAt: sql<
        number | null
      >`min(max(${outbox.nextAttemptAt}, coalesce(${outbox.leaseUntil}, 0)))`,
    })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), waveId ? eq(outbox.waveId, waveId) : undefined))
  return {
    pending: Number(row?.pending ?? 0),
    nextAt: row?.nextAt == null ? null : new Date(Number(row.nextAt) * 1000),
  }
}

/** Delivery outcome counts of a wave's outbox, for `csi wave show` and the dashboard. */
export async function outboxCounts(db: Db, waveId: string) {
  const rows = await db
    .select({ kind: outbox.kind, status: outbox.status, n: count() })
    .from(outbox)
    .where(eq(outbox.waveId, waveId))
    .groupBy(outbox.kind, outbox.status)
  return rows.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) }))
}
