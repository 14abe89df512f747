import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { AggregateAdd } from './aggregate-adds'
import type { Statement } from './atomic'
import type { Db, Store } from './client'
import type { Audience, Mode } from './schema'
import { responses } from './schema'
import { isAnonymous } from '../surveys/audiences'

export type NewResponse = {
  waveId: string
  surveyId: string
  surveyVersion: number
  audience: Audience
  mode: Mode
  answers: Record<string, unknown>
  segments: Record<string, string>
  submissionKey: string
  invitationId?: string | null
  ratings: string
  startedAt?: Date | null
  submittedAt: Date
}

export class DuplicateSubmissionError extends Error {}

/**
 * The id of a new response: the next one for named audiences; for an anonymous (employee) one
 * a random negative id, because an increasing id would place it between other responses whose
 * times are known to the second. Negative ids never move the positive autoincrement sequence.
 */
export function responseId(audience: Audience): number | undefined {
  if (!isAnonymous(audience)) return undefined
  const [high, low] = crypto.getRandomValues(new Uint32Array(2))
  return -((high! & 0x1fffff) * 2 ** 32 + low! + 1)
}

/**
 * Stores one response with everything that must land with it (the respond-once mark, alerts,
 * its adds to the report aggregates) in one atomic write. A repeated submission key is refused by the unique index, so a double
 * submit or a retry stores one response.
 */
export async function insertResponse(
  { db, atomic }: Store,
  input: NewResponse,
  alongside: { before?: Statement[]; after?: Statement[]; adds?: readonly AggregateAdd[] } = {},
) {
  try {
    await atomic(
      [
        ...(alongside.before ?? []),
        responseInsert(db, { ...input, id: responseId(input.audience) ?? null }),
        ...(alongside.after ?? []),
      ] as [Statement, ...Statement[]],
      alongside.adds,
    )
  } catch (err) {
    if (isDuplicateSubmission(err)) throw new DuplicateSubmissionError()
    throw err
  }
}

type Row = NewResponse & { id: number | null }
type PreparedInsert = { run(values: Record<string, unknown>): unknown }
const preparedInserts = new WeakMap<Db, PreparedInsert>()
const seconds = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 1000) : null)

// Driver values of a response row, in the encodings of its columns (json, timestamp in seconds).
const driverValues = (r: Row) => ({
  id: r.id,
  waveId: r.waveId,
  surveyId: r.surveyId,
  surveyVersion: r.surveyVersion,
  audience: r.audience,
  mode: r.mode,
  answers: JSON.stringify(r.answers),
  segments: JSON.stringify(r.segments),
  submissionKey: r.submissionKey,
  invitationId: r.invitationId ?? null,
  ratings: r.ratings,
  startedAt: seconds(r.startedAt),
  submittedAt: seconds(r.submittedAt),
})

/**
 * The INSERT of one response. On the synchronous driver (Node) it is built and prepared once per
 * database and run with each response's values: it is on every submission's path.
 */
function responseInsert(db: Db, row: Row): Statement {
  if ((db as unknown as { resultKind?: string }).resultKind === 'async')
    return db.insert(responses).values({ ...row, id: row.id ?? undefined })
  const values = driverValues(row)
  let insert = preparedInserts.get(db)
  if (!insert) {
    // Placeholders inside sql``, so drizzle binds the values as given (already encoded).
    const slots = Object.fromEntries(
      Object.keys(values).map((c) => [c, sql`${sql.placeholder(c)}`]),
    )
    insert = db
      .insert(responses)
      .values(slots as never)
      .prepare() as unknown as PreparedInsert
    preparedInserts.set(db, insert)
  }
  const prepared = insert
  return { run: () => prepared.run(values) } as unknown as Statement
}

// Only the (wave, submission key) index means "already stored": any other failure must surface
// as an error, never as a reassuring 409. Both drivers name the columns; D1 wraps the error.
function isDuplicateSubmission(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const message = String((e as Error).message ?? e)
    if (
      message.includes('UNIQUE constraint failed') &&
      message.includes('responses.submission_key')
    ) {
      return true
    }
    // The invitations_respond_once trigger (migration 0004): the invitation was already used.
    if (message.includes('invitation already responded')) return true
  }
  return false
}

export async function countResponses(db: Db, waveId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(responses)
    .where(eq(responses.waveId, waveId))
  return Number(row?.n ?? 0)
}

/** Below every response id, anonymous ones (negative) included: where a keyset walk starts. */
export const FIRST_RESPONSE_ID = -(2 ** 53)

// Keyset pages in id order, so exports and rebuilds run in constant memory at any size.
const inWaveAfter = (waveId: string, afterId: number) =>
  and(eq(responses.waveId, waveId), gt(responses.id, afterId))

export async function listResponsesPage(db: Db, waveId: string, afterId: number, limit: number) {
  return db
    .select()
    .from(responses)
    .where(inWaveAfter(waveId, afterId))
    .orderBy(asc(responses.id))
    .limit(limit)
}

/** What a rebuild reads: the rating codes, not the SurveyJS answers. */
export async function listRatingsPage(db: Db, waveId: string, afterId: number, limit: number) {
  return db
    .select({ id: responses.id, ratings: responses.ratings })
    .from(responses)
    .where(inWaveAfter(waveId, afterId))
    .orderBy(asc(responses.id))
    .limit(limit)
}

/** What a deep rebuild reads: the SurveyJS answers themselves. */
export async function listAnswersPage(db: Db, waveId: string, afterId: number, limit: number) {
  return db
    .select({
      id: responses.id,
      answers: responses.answers,
      segments: responses.segments,
      ratings: responses.ratings,
      submittedAt: responses.submittedAt,
    })
    .from(responses)
    .where(inWaveAfter(waveId, afterId))
    .orderBy(asc(responses.id))
    .limit(limit)
}

/** Rewrites stored rating codes (after the wave's spec changed), one statement per response. */
export function setRatingCodes(db: Db, rows: readonly { id: number; ratings: string }[]) {
  return rows.map((r) =>
    db.update(responses).set({ ratings: r.ratings }).where(eq(responses.id, r.id)),
  )
}

export async function getAnswers(db: Db, id: number) {
  const [row] = await db
    .select({
      answers: responses.answers,
      segments: responses.segments,
      submittedAt: responses.submittedAt,
    })
    .from(responses)
    .where(eq(responses.id, id))
  return row ?? null
}

/** An anonymous wave's answers and groups, with the release that first showed each. */
export async function listAnswersAndSegments(db: Db, waveId: string) {
  return db
    .select({
      answers: responses.answers,
      segments: responses.segments,
      releaseSeq: responses.releaseSeq,
    })
    .from(responses)
    .where(eq(responses.waveId, waveId))
}
