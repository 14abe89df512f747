import { eq } from 'drizzle-orm'
import type { Store } from '../../server/db/client'
import { enqueueInvitations } from '../../server/db/outbox'
import { invitations, outbox } from '../../server/db/schema'
import { createWave } from '../../server/db/waves'
import { importContacts } from '../../server/distribution/contacts-import'

async function* rows(lines: string[][]) {
  yield lines
}

/** A wave with these invitees (name = the address's local part) and their queued links. */
export async function invitedWave(
  store: Store,
  surveyId: string,
  emails: readonly string[],
  closesAt?: Date,
) {
  const { wave } = await createWave(store.db, { surveyId, name: `${surveyId} wave`, closesAt })
  await importContacts(
    store,
    wave,
    rows([['email', 'name'], ...emails.map((e) => [e, e.split('@')[0]!])]),
  )
  await enqueueInvitations(store, wave.id, 'test.example', new Date())
  const tokens = await store.db
    .select({ email: invitations.email, id: invitations.id, token: outbox.token })
    .from(outbox)
    .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
    .where(eq(invitations.waveId, wave.id))
  return { id: wave.id, invitees: Object.fromEntries(tokens.map((r) => [r.email, r])) }
}
