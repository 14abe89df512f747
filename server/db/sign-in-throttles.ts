import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm'
import type { Db } from './client'
import { signInThrottles as t } from './schema'

/**
 * One kind of sign-in throttle: the first `free - 1` failures within `decaySeconds` of each
 * other cost nothing, then each failure from the `free`th on blocks the key for `baseSeconds`, doubling, up to
 * `maxSeconds`. A block is a back-off, never a lock: it always ends, and attempts made while
 * it runs are refused without being counted, so an attacker cannot extend it.
 */
export type ThrottleRule = {
  free: number
  baseSeconds: number
  maxSeconds: number
  decaySeconds: number
}

const DAY = 24 * 60 * 60

/**
 * Why these numbers: one address guessing one account (`pair`) gets 5 tries, then one per
 * 15 minutes at most; an account guessed from many addresses (`account`) gets 20 before it
 * slows, so an attacker hammering an email from one place leaves the real user, elsewhere,
 * able to sign in; one address spraying many accounts (`address`) gets 20 failures, generous
 * for an office behind one NAT; and everything together (`all`) slows a botnet gently.
 */
export const THROTTLES = {
  pair: { free: 5, baseSeconds: 30, maxSeconds: 15 * 60, decaySeconds: DAY },
  account: { free: 20, baseSeconds: 60, maxSeconds: 15 * 60, decaySeconds: DAY },
  address: { free: 20, baseSeconds: 30, maxSeconds: 60 * 60, decaySeconds: DAY },
  all: { free: 500, baseSeconds: 1, maxSeconds: 60, decaySeconds: 60 * 60 },
} as const satisfies Record<string, ThrottleRule>

export type ThrottleKind = keyof typeof THROTTLES

/** The throttle keys one attempt counts against, most specific first. */
export function throttleKeys(email: string, address: string): [ThrottleKind, string][] {
  return [
    ['pair', `pair:${email}|${address}`],
    ['account', `account:${email}`],
    ['address', `address:${address}`],
    ['all', 'all'],
  ]
}

/** The block after `failures` failures under `rule`, in milliseconds (0: not blocked). */
export function backOffMs(rule: ThrottleRule, failures: number) {
  if (failures < rule.free) return 0
  const doublings = Math.min(failures - rule.free, 30)
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** doublings) * 1000
}

export type Reservation =
  | { allowed: true; keys: string[] }
  | { allowed: false; retryAfterSeconds: number; kind: ThrottleKind }

/**
 * Counts this attempt as a failure on every key before the password is checked (one upsert
 * each), so concurrent attempts cannot get more guesses than the budget; `settle` then keeps
 * or takes back the count. A key still blocked refuses the attempt without counting it.
 */
export async function reserveSignIn(
  db: Db,
  email: string,
  address: string,
  now: number,
): Promise<Reservation> {
  const counted: string[] = []
  for (const [kind, key] of throttleKeys(email, address)) {
    const rule = THROTTLES[kind]
    const n = sql`CASE WHEN ${t.lastFailedAt} <= ${now - rule.decaySeconds * 1000} THEN 1 ELSE ${t.failures} + 1 END`
    const [row] = await db
      .insert(t)
      .values({ key, failures: 1, lastFailedAt: now, blockedUntil: now + backOffMs(rule, 1) })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          failures: n,
          lastFailedAt: now,
          blockedUntil: sql`${now} + ${backOffSql(rule, n)}`,
        },
        setWhere: sql`${t.blockedUntil} <= ${now}`,
      })
      .returning({ failures: t.failures })
    if (!row) {
      await releaseSignIn(db, counted)
      const [blocked] = await db.select().from(t).where(eq(t.key, key))
      const ms = (blocked?.blockedUntil ?? now) - now
      return { allowed: false, kind, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) }
    }
    counted.push(key)
  }
  return { allowed: true, keys: counted }
}

/** backOffMs in SQL over the new failure count `n` (SQLite has `<<` and two-argument min). */
function backOffSql(rule: ThrottleRule, n: ReturnType<typeof sql>) {
  return sql`CASE WHEN ${n} < ${rule.free} THEN 0 ELSE min(${rule.maxSeconds}, ${rule.baseSeconds} * (1 << min(${n} - ${rule.free}, 30))) * 1000 END`
}

/**
 * The reserved attempt checked no password (bad request, server error): take the count back
 * and lift the block it set, as if it never happened.
 */
export async function releaseSignIn(db: Db, keys: string[]) {
  if (keys.length === 0) return
  await db
    .update(t)
    .set({ failures: sql`max(${t.failures} - 1, 0)`, blockedUntil: t.lastFailedAt })
    .where(inArray(t.key, keys))
  await db.delete(t).where(and(inArray(t.key, keys), eq(t.failures, 0)))
}

/**
 * A right password: this account's own throttles are cleared; the address and overall counts
 * only take this attempt back (a spraying client that owns one account must not reset them).
 */
export async function succeedSignIn(db: Db, email: string, address: string, keys: string[]) {
  const own = throttleKeys(email, address)
    .filter(([kind]) => kind === 'pair' || kind === 'account')
    .map(([, key]) => key)
  await db.delete(t).where(inArray(t.key, own))
  await releaseSignIn(
    db,
    keys.filter((k) => !own.includes(k)),
  )
}

export type ThrottleRow = typeof t.$inferSelect

/** Throttles with failures counted (or a block running) at `now`, most recently failed first. */
export async function listSignInThrottles(db: Db, now: number): Promise<ThrottleRow[]> {
  const rows = await db.select().from(t).where(gt(t.failures, 0)).orderBy(asc(t.key))
  return rows
    .filter((r) => {
      const kind = r.key.split(':')[0] as ThrottleKind
      const rule = THROTTLES[kind] ?? THROTTLES.all
      return r.blockedUntil > now || r.lastFailedAt > now - rule.decaySeconds * 1000
    })
    .sort((a, b) => b.lastFailedAt - a.lastFailedAt)
}

/**
 * Clears throttles: one key exactly, or everything about an email (its account and every
 * address's pair) or an address (its own and every pair from it). Returns how many went.
 */
export async function clearSignInThrottles(
  db: Db,
  target: { key: string } | { email: string } | { address: string },
) {
  const where =
    'key' in target
      ? eq(t.key, target.key)
      : 'email' in target
        ? or(eq(t.key, `account:${target.email}`), keyLike('pair:', target.email, '|%'))
        : or(eq(t.key, `address:${target.address}`), keyLike('pair:%|', target.address, ''))
  const gone = await db.delete(t).where(where).returning({ key: t.key })
  return gone.length
}

/** `key LIKE pattern`, with `%` and `_` in the literal parts (emails hold `_`) escaped. */
const keyLike = (prefix: string, literal: string, suffix: string) =>
  sql`${t.key} LIKE ${prefix + literal.replace(/[\\%_]/g, (ch) => `\\${ch}`) + suffix} ESCAPE '\\'`
