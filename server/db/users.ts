import { eq, sql } from 'drizzle-orm'
import { hashPassword } from '../lib/passwords'
import { randomId } from '../lib/tokens'
import type { Db } from './client'
import type { Role } from './schema'
import { users } from './schema'

export class DuplicateUserError extends Error {}

export async function countUsers(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users)
  return Number(row?.n ?? 0)
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
  return row ?? null
}

export async function createUser(db: Db, input: { email: string; role: Role; password: string }) {
  const email = input.email.trim().toLowerCase()
  if (await findUserByEmail(db, email)) throw new DuplicateUserError(email)
  const [row] = await db
    .insert(users)
    .values({ id: randomId('u'), email, role: input.role, passwordHash: await hashPassword(input.password) })
    .returning({ id: users.id, email: users.email, role: users.role })
  return row!
}
