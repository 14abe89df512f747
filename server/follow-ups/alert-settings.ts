import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
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
