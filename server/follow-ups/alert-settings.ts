import { eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../db/client'
import { DELIVERY_KEY, ownerDeliveryKey, TEAM_KEY } from '../db/alerts'
import { settings } from '../db/schema'

/** An alert still open or in progress this many days after it was raised is overdue. */
export const DEFAULT_OVERDUE_DAYS = 3
const KEY = 'alerts.overdue_days'

export async function alertOverdueDays(db: Db) {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY))
  return row ? Number(row.value) : DEFAULT_OVERDUE_DAYS
}

export async function saveAlertOverdueDays(db: Db, days: number) {
  await db
    .insert(settings)
    .values({ key: KEY, value: String(days) })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(days) } })
}

/** The round-robin team: alerts whose contact has no owner (nor the wave) go to each in turn. */
export async function alertTeam(db: Db): Promise<string[]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, TEAM_KEY))
  return row ? (JSON.parse(row.value) as string[]) : []
}

/** Saves the team (emails, lower-cased, each once); an empty list ends round-robin assignment. */
export async function saveAlertTeam(db: Db, emails: readonly string[]) {
  const team = [...new Set(emails.map((e) => e.trim().toLowerCase()))]
  if (team.length === 0) {
    await db.delete(settings).where(eq(settings.key, TEAM_KEY))
    return team
  }
  const value = JSON.stringify(team)
  await db
    .insert(settings)
    .values({ key: TEAM_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
  return team
}

/** How owners hear of alerts: `each` in its own email (the default), or a `daily` digest. */
export const alertDeliveries = ['each', 'daily'] as const
export type AlertDelivery = (typeof alertDeliveries)[number]
/** How owners hear of alerts, as the API and `csi settings set` take it (fields optional). */
const hourRule = { error: 'must be a whole number from 0 to 23 (the hour, UTC)' }
export const alertDeliveryBody = z.object({
  delivery: z
    .enum(alertDeliveries, { error: 'must be each (one email per alert) or daily (a digest)' })
    .optional(),
  digestHour: z.number(hourRule).int(hourRule).min(0, hourRule).max(23, hourRule).optional(),
})

/** The digest goes out at the first scheduled run from this hour (UTC) on, unless set. */
export const DEFAULT_DIGEST_HOUR = 7
const HOUR_KEY = 'alerts.digest_hour'

export async function alertDelivery(db: Db) {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, [DELIVERY_KEY, HOUR_KEY]))
  const value = (key: string) => rows.find((r) => r.key === key)?.value
  return {
    delivery: (value(DELIVERY_KEY) === 'daily' ? 'daily' : 'each') as AlertDelivery,
    digestHour: value(HOUR_KEY) === undefined ? DEFAULT_DIGEST_HOUR : Number(value(HOUR_KEY)),
  }
}

async function put(db: Db, key: string, value: string | null) {
  if (value === null) return void (await db.delete(settings).where(eq(settings.key, key)))
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
}

/** Saves the fields given; alerts already waiting for a digest keep waiting for it. */
export async function saveAlertDelivery(
  db: Db,
  change: { delivery?: AlertDelivery; digestHour?: number },
) {
  if (change.delivery) await put(db, DELIVERY_KEY, change.delivery)
  if (change.digestHour !== undefined) await put(db, HOUR_KEY, String(change.digestHour))
  return alertDelivery(db)
}

/** One owner's own choice, or null when the programme's applies. */
export async function ownerDelivery(db: Db, email: string): Promise<AlertDelivery | null> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, ownerDeliveryKey(email)))
  return row?.value === 'daily' || row?.value === 'each' ? row.value : null
}

export const saveOwnerDelivery = (db: Db, email: string, delivery: AlertDelivery | null) =>
  put(db, ownerDeliveryKey(email), delivery)
