import { eq } from 'drizzle-orm'
import { randomToken } from '../lib/tokens'
import type { Db } from './client'
import { settings } from './schema'

/**
 * The value stored under `key`, storing `make()` first when there is none. Two processes
 * starting at once both get the first value written (insert-or-ignore, then read).
 */
export async function ensureSetting(db: Db, key: string, make: () => string): Promise<string> {
  await db.insert(settings).values({ key, value: make() }).onConflictDoNothing()
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
  return row!.value
}

/** The secret better-auth signs session cookies with, when AUTH_SECRET is not configured. */
export const ensureAuthSecret = (db: Db) => ensureSetting(db, 'auth_secret', randomToken)
