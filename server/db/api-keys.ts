import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { hashToken, randomId, randomToken } from '../lib/tokens'
import type { Db } from './client'
import { apiKeys, rateLimits, type Role } from './schema'

/** Every key starts so, which lets secret scanners and people recognise one. */
export const API_KEY_PREFIX = 'csi_'
// Last use is written at most this often per key, not on every request.
const LAST_USE_GRANULARITY_MS = 60_000

export type ApiKeyView = {
  id: string
  name: string
  role: Role
  start: string
  createdBy: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const view = (r: typeof apiKeys.$inferSelect): ApiKeyView => ({
  id: r.id,
  name: r.name,
  role: r.role,
  start: r.start,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  expiresAt: iso(r.expiresAt),
  lastUsedAt: iso(r.lastUsedAt),
  revokedAt: iso(r.revokedAt),
})

/** Makes a key; the key itself is in this answer only, the database keeps its hash. */
export async function createApiKey(
  db: Db,
  input: { name: string; role: Role; createdBy: string; expiresAt: Date | null },
) {
  const key = `${API_KEY_PREFIX}${randomToken()}`
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: randomId('k'),
      name: input.name,
      role: input.role,
      start: key.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: await hashToken(key),
      createdBy: input.createdBy,
      expiresAt: input.expiresAt,
    })
    .returning()
  return { key, apiKey: view(row!) }
}

/** Keys, newest first; `createdBy` narrows to one person's. */
export async function listApiKeys(db: Db, createdBy?: string) {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(createdBy === undefined ? undefined : eq(apiKeys.createdBy, createdBy))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
  return rows.map(view)
}

export async function getApiKey(db: Db, id: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id))
  return row ? view(row) : null
}

/** Revokes a key for good (revoking twice keeps the first time). */
export async function revokeApiKey(db: Db, id: string, now: Date) {
  await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
  return getApiKey(db, id)
}

export type KeyCheck =
  { ok: true; apiKey: ApiKeyView } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' }

/** The key behind a presented secret, if it may be used now; records its last use. */
export async function checkApiKey(db: Db, presented: string, now: Date): Promise<KeyCheck> {
  if (!presented.startsWith(API_KEY_PREFIX) || presented.length > 200)
    return { ok: false, reason: 'unknown' }
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, await hashToken(presented)))
  if (!row) return { ok: false, reason: 'unknown' }
  if (row.revokedAt) return { ok: false, reason: 'revoked' }
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime())
    return { ok: false, reason: 'expired' }
  const stale = new Date(now.getTime() - LAST_USE_GRANULARITY_MS)
  if (!row.lastUsedAt || row.lastUsedAt < stale)
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))),
      )
  return { ok: true, apiKey: view({ ...row, lastUsedAt: row.lastUsedAt ?? now }) }
}

/**
 * Counts one request of a key in the current minute (the rate_limits table, shared by every
 * process and isolate); true when the key is over `perMinute`.
 */
export async function overKeyRateLimit(db: Db, keyId: string, perMinute: number, now: number) {
  const window = Math.floor(now / 60_000)
  const [row] = await db
    .insert(rateLimits)
    .values({ key: `apikey:${keyId}`, window, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.window],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count })
  return {
    over: (row?.count ?? 0) > perMinute,
    retryAfter: Math.ceil(((window + 1) * 60_000 - now) / 1000),
  }
}
