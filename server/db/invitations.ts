import { and, asc, eq, gt, inArray, isNotNull, like, or, type Placeholder, sql } from 'drizzle-orm'
import type { Statement } from './atomic'
import type { Db } from './client'
import type { SavedDraft, SealedDraft } from './schema'
import { invitationTokens, invitations, optOuts, waves } from './schema'

export type Invitation = typeof invitations.$inferSelect

const invitationByTokenHash = (db: Db) =>
  db
    .select({ invitation: invitations, wave: waves })
    .from(invitationTokens)
    .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .where(eq(invitationTokens.hash, sql.placeholder('hash')))
    .prepare()
// Every respondent request looks its token up: the query is built once per database.
const tokenQueries = new WeakMap<Db, ReturnType<typeof invitationByTokenHash>>()

/** The invitation and wave behind an emailed token's hash: one indexed join, found or not. */
export async function findInvitationByTokenHash(db: Db, hash: string) {
  let query = tokenQueries.get(db)
  if (!query) tokenQueries.set(db, (query = invitationByTokenHash(db)))
  const [row] = await query.all({ hash })
  return row ?? null
}

export async function getInvitation(db: Db, waveId: string, id: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.waveId, waveId), eq(invitations.id, id)))
  return row ?? null
}

/**
 * Keeps a respondent's answers so far, so the link resumes where they stopped on any device.
 * A submitted invitation is left alone (the draft was cleared with the submission).
 */
export async function saveDraft(db: Db, id: string, draft: SavedDraft | SealedDraft) {
  await db
    .update(invitations)
    .set({ draft, started: true })
    .where(and(eq(invitations.id, id), eq(invitations.responded, false)))
}

/** Drafts die with their wave: a closed wave's links no longer work, so nobody resumes them. */
export async function clearDrafts(db: Db, waveIds: readonly string[]) {
  for (let i = 0; i < waveIds.length; i += 90)
    await db
      .update(invitations)
      .set({ draft: null })
      .where(
        and(inArray(invitations.waveId, waveIds.slice(i, i + 90)), isNotNull(invitations.draft)),
      )
}

const respondedUpdate = (db: Db, id: string | Placeholder) =>
  db
    .update(invitations)
    .set({ responded: true, started: true, draft: null })
    .where(eq(invitations.id, id))
const preparedMarks = new WeakMap<Db, { run(values: { id: string }): unknown }>()

/**
 * The statement that uses an invitation up; the respond-once trigger refuses a second one. On
 * the synchronous driver (Node) it is prepared once per database: every invitation submission
 * runs it.
 */
export function markResponded(db: Db, id: string): Statement {
  if ((db as unknown as { resultKind?: string }).resultKind === 'async')
    return respondedUpdate(db, id)
  let mark = preparedMarks.get(db)
  if (!mark) {
    mark = respondedUpdate(db, sql.placeholder('id')).prepare() as unknown as {
      run(values: { id: string }): unknown
    }
    preparedMarks.set(db, mark)
  }
  const prepared = mark
  return { run: () => prepared.run({ id }) } as unknown as Statement
}

export type InvitationStatus =
  'responded' | 'started' | 'opted-out' | 'bounced' | 'not-sent' | 'sent'

/** An invitee for the interviewer's list, with a status in words. */
export function invitationStatus(i: Invitation, optedOut: boolean): InvitationStatus {
  if (i.responded) return 'responded'
  if (optedOut) return 'opted-out'
  if (i.bounced) return 'bounced'
  if (i.started) return 'started'
  return i.messagesSent > 0 ? 'sent' : 'not-sent'
}

/** Invitees of a wave matching `q` (email or name), in email order, a page at a time. */
export async function searchInvitations(
  db: Db,
  waveId: string,
  q: string,
  after: string,
  limit: number,
) {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  const rows = await db
    .select({ invitation: invitations, optedOut: sql<number>`${optOuts.email} is not null` })
    .from(invitations)
    .leftJoin(optOuts, eq(optOuts.email, invitations.email))
    .where(
      and(
        eq(invitations.waveId, waveId),
        gt(invitations.email, after),
        q ? or(like(invitations.email, pattern), like(invitations.name, pattern)) : undefined,
      ),
    )
    .orderBy(asc(invitations.email))
    .limit(limit)
  return rows.map((r) => ({
    ...r.invitation,
    status: invitationStatus(r.invitation, Boolean(r.optedOut)),
  }))
}

export type InvitationCounts = {
  invited: number
  responded: number
  partial: number
  optedOut: number
  bounced: number
  sent: number
}

/**
 * Invitation outcomes of a wave, overall and per value of each segment column the contacts
 * carry: the AAPOR dispositions behind RR1 and RR2. One grouped query per dimension.
 */
export async function invitationCounts(db: Db, waveId: string, dimensions: readonly string[]) {
  const counts = (segment: ReturnType<typeof sql> | null) =>
    db
      .select({
        value: segment ? sql<string | null>`${segment}` : sql<null>`null`,
        invited: sql<number>`count(*)`,
        responded: sql<number>`sum(${invitations.responded})`,
        partial: sql<number>`sum(${invitations.started} and not ${invitations.responded})`,
        optedOut: sql<number>`sum(${optOuts.email} is not null and not ${invitations.responded})`,
        bounced: sql<number>`sum(${invitations.bounced} and not ${invitations.responded})`,
        sent: sql<number>`sum(${invitations.messagesSent} > 0)`,
      })
      .from(invitations)
      .leftJoin(optOuts, eq(optOuts.email, invitations.email))
      .where(eq(invitations.waveId, waveId))
      .groupBy(segment ? sql`1` : sql`null`)
  const toCounts = (r: Record<string, unknown>): InvitationCounts => ({
    invited: Number(r.invited ?? 0),
    responded: Number(r.responded ?? 0),
    partial: Number(r.partial ?? 0),
    optedOut: Number(r.optedOut ?? 0),
    bounced: Number(r.bounced ?? 0),
    sent: Number(r.sent ?? 0),
  })
  const [total] = await counts(null)
  const bySegment: { column: string; value: string; counts: InvitationCounts }[] = []
  for (const column of dimensions) {
    const rows = await counts(
      sql`json_extract(${invitations.segments}, ${`$."${column.replace(/"/g, '')}"`})`,
    )
    for (const r of rows) {
      if (r.value !== null && r.value !== '')
        bySegment.push({ column, value: String(r.value), counts: toCounts(r) })
    }
  }
  return { total: total ? toCounts(total) : toCounts({}), bySegment }
}
