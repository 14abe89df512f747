import { and, eq, gte, sql } from 'drizzle-orm'
import type { Db } from './client'
import { signInFailures as f } from './schema'

/** 5 failed sign-ins for one email within 15 minutes lock that email out for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 } as const

const seconds = (d: Date) => Math.floor(d.getTime() / 1000)

export type SignInReservation = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Counts this attempt as a failure before the password is checked, in one upsert, so that
 * concurrent attempts cannot get more guesses than the budget; a success clears the count
 * and any other outcome releases it. A locked email is refused without being counted.
 */
export async function reserveSignIn(db: Db, email: string, now: Date): Promise<SignInReservation> {
  const t = seconds(now)
  const locked = sql`coalesce(${f.lockedUntil}, 0) > ${t}`
  const expired = sql`${f.firstFailedAt} <= ${t - LOCKOUT.windowSeconds}`
  const [row] = await db
    .insert(f)
    .values({ email, failures: 1, firstFailedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: f.email,
      set: {
        failures: sql`CASE WHEN ${locked} THEN ${f.failures} WHEN ${expired} THEN 1 ELSE ${f.failures} + 1 END`,
        firstFailedAt: sql`CASE WHEN ${locked} OR NOT ${expired} THEN ${f.firstFailedAt} ELSE ${t} END`,
        lockedUntil: sql`CASE WHEN ${locked} THEN ${f.lockedUntil} ELSE NULL END`,
      },
    })
    .returning()
  const lockedUntil = row!.lockedUntil ? seconds(row!.lockedUntil) : 0
  if (lockedUntil > t) return { allowed: false, retryAfterSeconds: lockedUntil - t }
  if (row!.failures > LOCKOUT.maxFailures) {
    await releaseSignIn(db, email)
    return { allowed: false, retryAfterSeconds: LOCKOUT.lockSeconds }
  }
  return { allowed: true }
}

/** The reserved attempt was a wrong password: at the budget, the email is locked. */
export async function confirmSignInFailure(db: Db, email: string, now: Date) {
  await db
    .update(f)
    .set({ lockedUntil: new Date((seconds(now) + LOCKOUT.lockSeconds) * 1000) })
    .where(and(eq(f.email, email), gte(f.failures, LOCKOUT.maxFailures)))
}

/** The reserved attempt never checked a password (bad request, server error): uncount it. */
export async function releaseSignIn(db: Db, email: string) {
  await db
    .update(f)
    .set({ failures: sql`max(${f.failures} - 1, 0)` })
    .where(eq(f.email, email))
}

export async function clearSignInFailures(db: Db, email: string) {
  await db.delete(f).where(eq(f.email, email))
}
