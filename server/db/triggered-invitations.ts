import { and, eq, sql } from 'drizzle-orm'
import { hashToken, randomId, randomToken } from '../lib/tokens'
import { rawStatement } from './atomic'
import type { Store } from './client'
import { invitationTokens, invitations, outbox } from './schema'
import { messageIdOf } from './outbox'

export type TriggeredContact = {
  email: string
  name: string | null
  language: string | null
  segments: Record<string, string>
  dedupeKey: string | null
}

/**
 * One invitation with its token and its outbox row due at `sendAt`, in one atomic write. A
 * concurrent request with the same dedupe key or email wins the unique index; then this one
 * writes nothing (the token and message are written only beside their own invitation row) and
 * answers null.
 */
export async function insertTriggeredInvitation(
  { db, atomic }: Store,
  waveId: string,
  contact: TriggeredContact,
  sendAt: Date,
  host: string,
) {
  const id = randomId('i')
  const token = randomToken()
  const mine = sql`exists (select 1 from ${invitations} where ${invitations.id} = ${id})`
  await atomic([
    rawStatement(
      db,
      sql`insert into ${invitations} (id, wave_id, email, name, language, segments, dedupe_key)
          values (${id}, ${waveId}, ${contact.email}, ${contact.name}, ${contact.language},
                  ${JSON.stringify(contact.segments)}, ${contact.dedupeKey})
          on conflict do nothing`,
    ),
    rawStatement(
      db,
      sql`insert into ${invitationTokens} (hash, invitation_id)
          select ${await hashToken(token)}, ${id} where ${mine}`,
    ),
    rawStatement(
      db,
      sql`insert into ${outbox} (invitation_id, wave_id, kind, seq, token, message_id, next_attempt_at)
          select ${id}, ${waveId}, 'invitation', 0, ${token},
                 ${messageIdOf(id, 'invitation', 0, host)}, ${Math.floor(sendAt.getTime() / 1000)}
          where ${mine}`,
    ),
  ])
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id))
  return row ?? null
}

/** The wave's invitation for this dedupe key, else for this email (either unique per wave). */
export async function findWaveInvitation(
  db: Store['db'],
  waveId: string,
  by: { dedupeKey: string | null; email: string },
) {
  if (by.dedupeKey !== null) {
    const [byKey] = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.waveId, waveId), eq(invitations.dedupeKey, by.dedupeKey)))
    if (byKey) return { invitation: byKey, match: 'dedupeKey' as const }
  }
  const [byEmail] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.waveId, waveId), eq(invitations.email, by.email)))
  return byEmail ? { invitation: byEmail, match: 'email' as const } : null
}

/** When the invitation's email is (or was) due, from its outbox row. */
export async function invitationSendAt(db: Store['db'], invitationId: string) {
  const [row] = await db
    .select({ at: outbox.nextAttemptAt, sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.invitationId, invitationId), eq(outbox.kind, 'invitation')))
  return row ? (row.sentAt ?? row.at) : null
}
