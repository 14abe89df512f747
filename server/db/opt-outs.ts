import { eq } from 'drizzle-orm'
import type { Db } from './client'
import { invitations, optOuts } from './schema'
import { queueInvitationEvent } from './webhooks'

/** Records that an invitee's address wants no more survey email; repeating it is harmless. */
export async function optOutInvitation(db: Db, invitationId: string) {
  const [row] = await db
    .select({ email: invitations.email })
    .from(invitations)
    .where(eq(invitations.id, invitationId))
  if (!row) return false
  await db.insert(optOuts).values({ email: row.email }).onConflictDoNothing()
  await queueInvitationEvent(db, 'invitation.opted_out', invitationId, new Date())
  return true
}

export async function isOptedOut(db: Db, email: string) {
  const [row] = await db
    .select({ email: optOuts.email })
    .from(optOuts)
    .where(eq(optOuts.email, email))
  return Boolean(row)
}
