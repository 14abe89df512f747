import { and, desc, eq, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import { randomId } from '../lib/tokens'
import type { Statement } from './atomic'
import { rawStatement } from './atomic'
import type { Db } from './client'
import { settings, webhookDeliveries, webhookEndpoints, type WebhookEvent } from './schema'

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect

/** A signing secret as Standard Webhooks writes one: `whsec_` and 24 random bytes in base64. */
function newSecret() {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return `whsec_${btoa(String.fromCharCode(...bytes))}`
}

export async function createWebhookEndpoint(db: Db, url: string, events: WebhookEvent[]) {
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ id: randomId('wh'), url, events, secret: newSecret() })
    .returning()
  return row!
}

export const listWebhookEndpoints = (db: Db) =>
  db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt), webhookEndpoints.id)

export async function getWebhookEndpoint(db: Db, id: string) {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id))
  return row ?? null
}

/** Removes an endpoint and its delivery log. */
export async function deleteWebhookEndpoint(db: Db, id: string) {
  await db.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id))
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id))
}

/** Turns a disabled endpoint back on; its failure count starts again. */
export async function enableWebhookEndpoint(db: Db, id: string) {
  await db
    .update(webhookEndpoints)
    .set({ enabled: true, failures: 0, disabledReason: null })
    .where(eq(webhookEndpoints.id, id))
}

export const listWebhookDeliveries = (db: Db, endpointId: string, limit = 50) =>
  db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit)

/**
 * Queues `event` for every enabled endpoint that subscribes to it, one delivery per row of
 * `source` (a SELECT with columns `key`, unique per event, and `data`, a JSON object), inside the
 * caller's atomic write: the event and its deliveries land together, so none is lost. The
 * delivery id (the `webhook-id` header) is made of event, key and endpoint, so the same write
 * repeated queues nothing twice. With no endpoint subscribed it inserts nothing.
 */
export function webhookEventStatement(
  db: Db,
  event: WebhookEvent,
  source: SQL,
  now: Date,
): Statement {
  return rawStatement(db, eventInsert(event, source, now))
}

/**
 * The same on its own, after the write it reports (closing a wave, an opt-out): a crash between
 * the two loses that one event, which is why the events about responses and alerts are queued
 * in the same write instead.
 */
export async function queueWebhookEvent(db: Db, event: WebhookEvent, source: SQL, now: Date) {
  await db.run(eventInsert(event, source, now))
}

function eventInsert(event: WebhookEvent, source: SQL, now: Date) {
  const due = Math.floor(now.getTime() / 1000)
  return sql`insert into ${webhookDeliveries} (id, endpoint_id, event, body, next_attempt_at)
        select 'msg_' || replace(${event}, '.', '_') || '_' || s.key || '_' || e.id, e.id, ${event},
               json_object('type', ${event}, 'timestamp', ${now.toISOString()}, 'data', json(s.data)),
               ${due}
        from (${source}) s, ${webhookEndpoints} e
        where e.enabled and exists (select 1 from json_each(e.events) where value = ${event})
        on conflict do nothing`
}

/**
 * `alert.opened` for the alerts whose ids `ids` selects (column `id`) and that exist now: an
 * opening statement inserted them in the same write. Never for an employee wave.
 */
export function alertOpenedEvent(db: Db, ids: SQL, now: Date) {
  return webhookEventStatement(
    db,
    'alert.opened',
    sql`select a.id as key,
               json_object('alertId', a.id, 'waveId', a.wave_id, 'reasons', json(a.reasons),
                           'contact', json_object('email', a.contact_email, 'name', a.contact_name),
                           'ownerEmail', a.owner_email) as data
        from alerts a join waves w on w.id = a.wave_id
        where a.id in (select id from (${ids})) and w.audience != 'employee'`,
    now,
  )
}

/** Claims up to `limit` due deliveries for a minute (a crashed deliverer's rows come back). */
export async function leaseDueDeliveries(db: Db, now: Date, limit: number) {
  const due = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, now)),
      ),
    )
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(limit)
  const leased: { delivery: WebhookDelivery; endpoint: WebhookEndpoint }[] = []
  for (const { id } of due) {
    const [delivery] = await db
      .update(webhookDeliveries)
      .set({ leaseUntil: new Date(now.getTime() + 60_000) })
      .where(
        and(
          eq(webhookDeliveries.id, id),
          eq(webhookDeliveries.status, 'pending'),
          or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, now)),
        ),
      )
      .returning()
    if (!delivery) continue
    const endpoint = await getWebhookEndpoint(db, delivery.endpointId)
    if (endpoint) leased.push({ delivery, endpoint })
  }
  return leased
}

/** `alert.updated`: a status change or a note, in the same write as the change. */
export function alertUpdatedEvent(
  db: Db,
  alertId: string,
  change: { status: string; previousStatus: string; note: string | null; by: string },
  now: Date,
) {
  return webhookEventStatement(
    db,
    'alert.updated',
    sql`select a.id || '_' || ${now.getTime()} as key,
               json_object('alertId', a.id, 'waveId', a.wave_id, 'status', ${change.status},
                           'previousStatus', ${change.previousStatus}, 'note', ${change.note},
                           'by', ${change.by}) as data
        from alerts a join waves w on w.id = a.wave_id
        where a.id = ${alertId} and w.audience != 'employee'`,
    now,
  )
}

/** `response.submitted` for the response stored under this key in the same write; never employee. */
export function responseSubmittedEvent(db: Db, waveId: string, submissionKey: string, now: Date) {
  return webhookEventStatement(
    db,
    'response.submitted',
    sql`select r.id as key,
               json_object('responseId', r.id, 'waveId', r.wave_id, 'invitationId', r.invitation_id,
                           'audience', r.audience, 'mode', r.mode, 'answers', json(r.answers)) as data
        from responses r
        where r.wave_id = ${waveId} and r.submission_key = ${submissionKey} and r.audience != 'employee'`,
    now,
  )
}

/** `wave.closed` for these waves. */
export async function queueWaveClosed(db: Db, waveIds: readonly string[], now: Date) {
  for (const id of waveIds)
    await queueWebhookEvent(
      db,
      'wave.closed',
      sql`select w.id as key,
                 json_object('waveId', w.id, 'name', w.name, 'surveyId', w.survey_id,
                             'audience', w.audience) as data
          from waves w where w.id = ${id}`,
      now,
    )
}

/** `invitation.opted_out` / `invitation.bounced` for one invitee; never for an employee wave. */
export async function queueInvitationEvent(
  db: Db,
  event: 'invitation.opted_out' | 'invitation.bounced',
  invitationId: string,
  now: Date,
) {
  await queueWebhookEvent(db, event, invitationSource(invitationId), now)
}

export const invitationEventStatement = (
  db: Db,
  event: 'invitation.opted_out' | 'invitation.bounced',
  invitationId: string,
  now: Date,
) => webhookEventStatement(db, event, invitationSource(invitationId), now)

const invitationSource = (invitationId: string) =>
  sql`select i.id as key,
             json_object('invitationId', i.id, 'waveId', i.wave_id, 'email', i.email) as data
      from invitations i join waves w on w.id = i.wave_id
      where i.id = ${invitationId} and w.audience != 'employee'`

/** Whether a delivery is due now and not being sent by someone else (one indexed read). */
export async function webhookDueNow(db: Db, now: Date) {
  const [row] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, now)),
      ),
    )
    .limit(1)
  return row !== undefined
}

/** When the earliest pending delivery can next be attempted (a lease's end counts), or null. */
export async function nextWebhookAttempt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<
        number | null
      >`min(max(${webhookDeliveries.nextAttemptAt}, coalesce(${webhookDeliveries.leaseUntil}, 0)))`,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.status, 'pending'))
  return row?.at == null ? null : new Date(Number(row.at) * 1000)
}

const WAKE_KEY = 'webhook_wake_at'

/**
 * Claims the one wake-up at `at` for whoever will deliver then (the Workers queue consumer):
 * true when no wake-up is set, the set one has passed, or it is later than `at`. So each retry
 * time gets one delayed queue message, however many requests and consumers ask for it.
 */
export async function claimWebhookWake(db: Db, at: Date, now: Date) {
  const value = String(Math.ceil(at.getTime() / 1000))
  const rows = await db
    .insert(settings)
    .values({ key: WAKE_KEY, value })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value },
      setWhere: sql`cast(${settings.value} as integer) <= ${Math.floor(now.getTime() / 1000)}
                    or cast(${settings.value} as integer) > ${Number(value)}`,
    })
    .returning({ value: settings.value })
  return rows.length > 0
}
