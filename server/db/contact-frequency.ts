import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from './client'
import { invitations, outbox, settings } from './schema'

const KEY = 'contact.frequencyDays'
/** No contact is surveyed more than once in this many days, across waves, unless set otherwise. */
export const DEFAULT_CONTACT_FREQUENCY_DAYS = 30
const DAY_MS = 86_400_000

export async function getContactFrequencyDays(db: Db) {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY))
  return row ? Number(row.value) : DEFAULT_CONTACT_FREQUENCY_DAYS
}

/** 0 turns the rule off. */
export async function setContactFrequencyDays(db: Db, days: number) {
  await db
    .insert(settings)
    .values({ key: KEY, value: String(days) })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(days) } })
}

/**
 * When this address was last surveyed (an invitation sent, or queued to be sent) less than
 * `days` before or after `at`, in any wave; null when the rule lets a new invitation through.
 */
export async function surveyedWithin(db: Db, email: string, at: Date, days: number) {
  if (days <= 0) return null
  const span = days * DAY_MS
  const when = sql<number>`coalesce(${outbox.sentAt}, ${outbox.nextAttemptAt})`
  const [row] = await db
    .select({ when })
    .from(outbox)
    .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
    .where(
      and(
        eq(invitations.email, email),
        eq(outbox.kind, 'invitation'),
        inArray(outbox.status, ['pending', 'sent']),
        gt(when, Math.floor((at.getTime() - span) / 1000)),
        lt(when, Math.ceil((at.getTime() + span) / 1000)),
      ),
    )
    .orderBy(desc(when))
    .limit(1)
  return row ? new Date(Number(row.when) * 1000) : null
}
