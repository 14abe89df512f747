import { and, count, eq } from 'drizzle-orm'
import type { Audience } from './schema'
import { surveys, surveyVersions, waves } from './schema'
import type { Db, Store } from './client'
import { sha256Hex } from '../lib/sha256'

export type SurveyInput = {
  id: string
  audience: Audience
  title: string
  definition: Record<string, unknown>
}

/** A definition's fingerprint: an unchanged upload is recognised and makes no new version. */
const checksum = (definition: unknown) =>
  sha256Hex(new TextEncoder().encode(JSON.stringify(definition)))

/**
 * Stores a definition as the survey's new current version unless it is unchanged. Old
 * versions stay, so every response keeps pointing at the questions it answered.
 */
export async function upsertSurvey({ db, atomic }: Store, input: SurveyInput) {
  const sum = checksum(input.definition)
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

/**
 * Loads a starter template as version 1 of a survey the database lacks. Two first starts at
 * once (the server and a `csi` command, two Worker isolates) both get here: the second insert
 * is a no-op instead of a crash.
 */
export async function loadStarterSurvey({ db, atomic }: Store, input: SurveyInput) {
  const sum = checksum(input.definition)
  const { id, audience, title } = input
  await atomic([
    db.insert(surveys).values({ id, audience, title, currentVersion: 1 }).onConflictDoNothing(),
    db
      .insert(surveyVersions)
      .values({ surveyId: id, version: 1, definition: input.definition, checksum: sum })
      .onConflictDoNothing(),
  ])
  return { id, version: 1, created: true }
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

/** Each survey with when its current version was stored and how many versions it has. */
export async function listSurveysWithVersions(db: Db) {
  const rows = await db
    .select({
      id: surveys.id,
      audience: surveys.audience,
      title: surveys.title,
      currentVersion: surveys.currentVersion,
      version: surveyVersions.version,
      createdAt: surveyVersions.createdAt,
    })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
    .orderBy(surveys.id, surveyVersions.version)
  const out = new Map<string, (typeof rows)[number] & { versions: number; updatedAt: Date }>()
  for (const row of rows) {
    const known = out.get(row.id)
    if (known) known.versions += 1
    else out.set(row.id, { ...row, versions: 1, updatedAt: row.createdAt })
    if (row.version === row.currentVersion) out.get(row.id)!.updatedAt = row.createdAt
  }
  return [...out.values()].map(({ version: _v, createdAt: _c, ...survey }) => survey)
}

/** A survey's versions, oldest first, without their definitions. */
export async function listSurveyVersions(db: Db, id: string) {
  return db
    .select({ version: surveyVersions.version, createdAt: surveyVersions.createdAt })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, id))
    .orderBy(surveyVersions.version)
}

/** How many waves answer each survey version (`surveyId@version` → count). */
export async function countWavesBySurveyVersion(db: Db, surveyId?: string) {
  const rows = await db
    .select({ surveyId: waves.surveyId, version: waves.surveyVersion, waves: count() })
    .from(waves)
    .where(surveyId === undefined ? undefined : eq(waves.surveyId, surveyId))
    .groupBy(waves.surveyId, waves.surveyVersion)
  return new Map(rows.map((r) => [`${r.surveyId}@${r.version}`, r.waves]))
}
