import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { TEAM_KEY } from '../db/alerts'
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
