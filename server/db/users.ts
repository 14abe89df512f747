import { hashPassword } from 'better-auth/crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { randomId } from '../lib/tokens'
import type { Db, Store } from './client'
import type { Role } from './schema'
import { accounts, signInThrottles, users } from './schema'

export class DuplicateUserError extends Error {}

export async function countUsers(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users)
  return Number(row?.n ?? 0)
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()))
  return row ?? null
}

/** The better-auth password hash of a user's email+password ("credential") account. */
export async function findPasswordHash(db: Db, userId: string) {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
  return row?.password ?? null
}

/**
 * Creates a dashboard user the way better-auth's sign-up would (user row plus a `credential`
 * account holding better-auth's password hash), so they can sign in. Public sign-up is off:
 * this is called by `csi user add` and the first-start seed only.
 */
export async function createUser(
  { db, atomic }: Store,
  input: { email: string; role: Role; password: string; name?: string },
) {
  const email = input.email.trim().toLowerCase()
  if (await findUserByEmail(db, email)) throw new DuplicateUserError(email)
  const id = randomId('u')
  const password = await hashPassword(input.password)
  try {
    await atomic([
      db.insert(users).values({
        id,
        email,
        name: input.name ?? email.split('@')[0]!,
        role: input.role,
        emailVerified: true,
      }),
      db.insert(accounts).values({
        id: randomId('a'),
        userId: id,
        providerId: 'credential',
        accountId: id,
        password,
      }),
    ])
  } catch (err) {
    // Two creations of one email at once: the unique index refuses the second.
    if (/UNIQUE constraint failed: users\.email/.test(causes(err)))
      throw new DuplicateUserError(email)
    throw err
  }
  return { id, email, role: input.role }
}

function causes(err: unknown): string {
  const messages = []
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause)
    messages.push(String((e as Error).message ?? e))
  return messages.join('\n')
}

export type UserRow = {
  id: string
  email: string
  role: Role
  createdAt: Date
  /** When a run of failed sign-ins locked this email out, until when; null when not locked. */
  lockedUntil: Date | null
}

/**
 * Every dashboard user, oldest first, with the latest sign-in back-off still running at `now`
 * for their email, from anywhere or from one address.
 */
export async function listUsers(db: Db, now: Date): Promise<UserRow[]> {
  const t = signInThrottles
  const pairPrefix = sql`'pair:' || ${users.email} || '|'`
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
      blockedUntil: sql<
        number | null
      >`(SELECT max(${t.blockedUntil}) FROM ${t} WHERE ${t.key} = 'account:' || ${users.email} OR substr(${t.key}, 1, length(${pairPrefix})) = ${pairPrefix})`,
    })
    .from(users)
    .orderBy(asc(users.createdAt), asc(users.email))
  return rows.map(({ blockedUntil, ...r }) => ({
    ...r,
    lockedUntil: blockedUntil && blockedUntil > now.getTime() ? new Date(blockedUntil) : null,
  }))
}

export async function findUserById(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  return row ?? null
}

/**
 * True when the row may stop being an admin: it is not one, or another admin remains. Checked
 * inside the UPDATE/DELETE itself, so two admins demoting each other at once cannot both pass.
 */
const keepsAnAdmin = sql`(${users.role} <> 'admin' OR (SELECT count(*) FROM ${users} AS other WHERE other.role = 'admin') > 1)`

export type UserChange =
  | { ok: true; user: { id: string; email: string; role: Role } }
  | {
      ok: false
      reason: 'not-found' | 'last-admin' | 'self'
    }

/** Sets a user's role; refuses to demote the last admin. */
export async function changeUserRole(db: Db, id: string, role: Role): Promise<UserChange> {
  const [row] = await db
    .update(users)
    .set({ role })
    .where(and(eq(users.id, id), role === 'admin' ? undefined : keepsAnAdmin))
    .returning({ id: users.id, email: users.email, role: users.role })
  if (row) return { ok: true, user: row }
  return { ok: false, reason: (await findUserById(db, id)) ? 'last-admin' : 'not-found' }
}

/**
 * Deletes a user (their sessions and password go with them, by foreign-key cascade); never the
 * acting user, never the last admin.
 */
export async function deleteUser(db: Db, id: string, actorId: string): Promise<UserChange> {
  if (id === actorId) return { ok: false, reason: 'self' }
  const [row] = await db
    .delete(users)
    .where(and(eq(users.id, id), keepsAnAdmin))
    .returning({ id: users.id, email: users.email, role: users.role })
  if (row) return { ok: true, user: row }
  return { ok: false, reason: (await findUserById(db, id)) ? 'last-admin' : 'not-found' }
}
