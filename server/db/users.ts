import { hashPassword } from 'better-auth/crypto'
import { and, eq, sql } from 'drizzle-orm'
import { randomId } from '../lib/tokens'
import type { Db, Store } from './client'
import type { Role } from './schema'
import { accounts, users } from './schema'

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
