import { and, eq } from 'drizzle-orm'
import type { Audience } from './schema'
import { surveys, surveyVersions } from './schema'
import type { Db, Store } from './client'

export type SurveyInput = {
  id: string
  audience: Audience
  title: string
  definition: Record<string, unknown>
}

async function checksum(definition: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(definition))
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Stores a definition as the survey's new current version unless it is unchanged. Old
 * versions stay, so every response keeps pointing at the questions it answered.
 */
export async function upsertSurvey({ db, atomic }: Store, input: SurveyInput) {
  const sum = await checksum(input.definition)
  const [current] = await db.select().from(surveys).where(eq(surveys.id, input.id))
  if (current) {
    const [latest] = await db
      .select({ checksum: surveyVersions.checksum })
      .from(surveyVersions)
      .where(
        and(
          eq(surveyVersions.surveyId, input.id),
          eq(surveyVersions.version, current.currentVersion),
        ),
      )
    if (latest?.checksum === sum)
      return { id: input.id, version: current.currentVersion, created: false }
  }
  const version = (current?.currentVersion ?? 0) + 1
  const { id, audience, title } = input
  await atomic([
    db
      .insert(surveys)
      .values({ id, audience, title, currentVersion: version })
      .onConflictDoUpdate({ target: surveys.id, set: { currentVersion: version, title } }),
    db
      .insert(surveyVersions)
      .values({ surveyId: id, version, definition: input.definition, checksum: sum }),
  ])
  return { id: input.id, version, created: true }
}

export async function listSurveys(db: Db) {
  return db.select().from(surveys).orderBy(surveys.id)
}

export async function getSurvey(db: Db, id: string) {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id))
  return row ?? null
}

export async function getSurveyVersion(db: Db, id: string, version: number) {
  const [row] = await db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, id), eq(surveyVersions.version, version)))
  return row ?? null
}
