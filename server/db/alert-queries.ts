import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db, Store } from './client'
import type { AlertStatus, Audience } from './schema'
import { alertNotes, alerts, digests, responses, waves } from './schema'
import { alertUpdatedEvent } from './webhooks'

export type AlertFilter = {
  audiences: readonly Audience[]
  status?: AlertStatus
  owner?: string
  waveId?: string
  /** Only open or in-progress alerts created before this time. */
  overdueBefore?: Date
  /** Keyset: the last row of the previous page. */
  before?: { createdAt: Date; id: string }
  limit: number
}

const alertColumns = {
  id: alerts.id,
  waveId: alerts.waveId,
  waveName: waves.name,
  audience: waves.audience,
  responseId: alerts.responseId,
  contactEmail: alerts.contactEmail,
  contactName: alerts.contactName,
  ownerEmail: alerts.ownerEmail,
  reasons: alerts.reasons,
  status: alerts.status,
  firstActionAt: alerts.firstActionAt,
  resolvedAt: alerts.resolvedAt,
  createdAt: alerts.createdAt,
  updatedAt: alerts.updatedAt,
}

/** Alerts newest first (keyset on id within the same second is good enough for a work list). */
export async function listAlerts(db: Db, f: AlertFilter) {
  if (f.audiences.length === 0) return []
  return db
    .select(alertColumns)
    .from(alerts)
    .innerJoin(waves, eq(waves.id, alerts.waveId))
    .where(
      and(
        inArray(waves.audience, [...f.audiences]),
        f.status ? eq(alerts.status, f.status) : undefined,
        f.owner === ''
          ? isNull(alerts.ownerEmail)
          : f.owner
            ? eq(alerts.ownerEmail, f.owner)
            : undefined,
        f.waveId ? eq(alerts.waveId, f.waveId) : undefined,
        f.overdueBefore
          ? and(
              inArray(alerts.status, ['open', 'in_progress']),
              lt(alerts.createdAt, f.overdueBefore),
            )
          : undefined,
        f.before
          ? or(
              lt(alerts.createdAt, f.before.createdAt),
              and(eq(alerts.createdAt, f.before.createdAt), lt(alerts.id, f.before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(f.limit)
}

export async function getAlert(db: Db, id: string) {
  const [row] = await db
    .select({
      ...alertColumns,
      answers: responses.answers,
      mode: responses.mode,
      submittedAt: responses.submittedAt,
      // How the owner hears of it: its own email, or a daily digest (the day, once sent).
      viaDigest: alerts.viaDigest,
      digestDay: digests.day,
    })
    .from(alerts)
    .innerJoin(waves, eq(waves.id, alerts.waveId))
    .innerJoin(responses, eq(responses.id, alerts.responseId))
    .leftJoin(digests, eq(digests.id, alerts.digestId))
    .where(eq(alerts.id, id))
  return row ?? null
}

export async function listAlertNotes(db: Db, alertId: string) {
  return db
    .select()
    .from(alertNotes)
    .where(eq(alertNotes.alertId, alertId))
    .orderBy(asc(alertNotes.id))
}

/**
 * A status change and/or a note, with its history row, in one write. The first action fixes
 * `firstActionAt` (time to first action); resolving sets `resolvedAt`, reopening clears it.
 */
export async function updateAlert(
  { db, atomic }: Store,
  alert: { id: string; status: AlertStatus },
  change: { status?: AlertStatus; note?: string; authorEmail: string; now: Date },
) {
  const status = change.status ?? alert.status
  const moved = status !== alert.status
  await atomic([
    db
      .update(alerts)
      .set({
        status,
        firstActionAt: sql`coalesce(${alerts.firstActionAt}, ${Math.floor(change.now.getTime() / 1000)})`,
        ...(moved && { resolvedAt: status === 'resolved' ? change.now : null }),
        updatedAt: change.now,
      })
      .where(eq(alerts.id, alert.id)),
    db.insert(alertNotes).values({
      alertId: alert.id,
      authorEmail: change.authorEmail,
      text: change.note ?? null,
      statusFrom: moved ? alert.status : null,
      statusTo: moved ? status : null,
      createdAt: change.now,
    }),
    alertUpdatedEvent(
      db,
      alert.id,
      { status, previousStatus: alert.status, note: change.note ?? null, by: change.authorEmail },
      change.now,
    ),
  ])
}

/** Open, in-progress and resolved counts per wave, for the overview. */
export async function alertCounts(db: Db, waveId: string) {
  const rows = await db
    .select({ status: alerts.status, n: count() })
    .from(alerts)
    .where(eq(alerts.waveId, waveId))
    .groupBy(alerts.status)
  const of = (s: AlertStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0)
  return { open: of('open'), inProgress: of('in_progress'), resolved: of('resolved') }
}

/** What follow-up time needs: when each alert of a wave was opened, first acted on, resolved. */
export async function alertTimes(db: Db, waveId: string) {
  return db
    .select({
      createdAt: alerts.createdAt,
      firstActionAt: alerts.firstActionAt,
      status: alerts.status,
    })
    .from(alerts)
    .where(eq(alerts.waveId, waveId))
}
