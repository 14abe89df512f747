import { and, eq, sql } from 'drizzle-orm'
import type { Store } from '../db/client'
import { invitations } from '../db/schema'

/**
 * Finds invitees by email or invitation id, with what the import needs of them. A wave without
 * invitations (an open-link or postal wave) needs no lookup; otherwise the two lookups are
 * prepared once per import, not built per row (a million rows each carry a respondent).
 */
export async function inviteeFinder(store: Store, waveId: string) {
  const [any] = await store.db
    .select({ id: invitations.id })
    .from(invitations)
    .where(eq(invitations.waveId, waveId))
    .limit(1)
  if (!any) return null
  const lookup = (column: typeof invitations.email | typeof invitations.id) =>
    store.db
      .select({
        id: invitations.id,
        segments: invitations.segments,
        responded: invitations.responded,
      })
      .from(invitations)
      .where(and(eq(invitations.waveId, waveId), eq(column, sql.placeholder('respondent'))))
      .prepare()
  const byEmail = lookup(invitations.email)
  const byId = lookup(invitations.id)
  return async (respondent: string) => {
    const [row] = respondent.includes('@')
      ? await byEmail.all({ respondent: respondent.toLowerCase() })
      : await byId.all({ respondent })
    return row ?? null
  }
}
