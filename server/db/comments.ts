import { and, count, desc, eq, isNotNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from './client'
import { responses } from './schema'

// A JSON path per question name, bound as a parameter: names come from survey definitions.
const hasText = (key: string) =>
  sql`coalesce(trim(json_extract(${responses.answers}, ${`$."${key.replace(/"/g, '')}"`})), '') <> ''`

const commented = (waveId: string, keys: readonly string[], releasedOnly = false) =>
  and(
    eq(responses.waveId, waveId),
    or(...keys.map(hasText)),
    releasedOnly ? isNotNull(responses.releaseSeq) : undefined,
  )

/** Responses of a wave with text in any of `keys`, newest first, in keyset pages. */
export async function listCommentedResponses(
  db: Db,
  waveId: string,
  keys: readonly string[],
  beforeId: number | null,
  limit: number,
  releasedOnly = false,
) {
  if (keys.length === 0) return []
  return db
    .select({ id: responses.id, answers: responses.answers, submittedAt: responses.submittedAt })
    .from(responses)
    .where(
      and(commented(waveId, keys, releasedOnly), beforeId ? lt(responses.id, beforeId) : undefined),
    )
    .orderBy(desc(responses.id))
    .limit(limit)
}

export async function countCommentedResponses(
  db: Db,
  waveId: string,
  keys: readonly string[],
  releasedOnly = false,
) {
  if (keys.length === 0) return 0
  const [row] = await db
    .select({ n: count() })
    .from(responses)
    .where(commented(waveId, keys, releasedOnly))
  return Number(row?.n ?? 0)
}
