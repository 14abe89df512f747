import { clearDrafts } from './invitations'
import { desc, eq, sql } from 'drizzle-orm'
import { hashToken, randomId, randomToken } from '../lib/tokens'
import type { ReportingPeriod } from '../../reports/periods'
import type { Db } from './client'
import { waves } from './schema'
import { getSurvey } from './surveys'
import { queueWaveClosed } from './webhooks'

export type CreateWaveInput = {
  surveyId: string
  name: string
  opensAt?: Date | null
  closesAt?: Date | null
  openLink?: boolean
  remindAfterDays?: number
  maxReminders?: number
  ownerEmail?: string | null
  reportingPeriod?: ReportingPeriod | null
}

export class UnknownSurveyError extends Error {}

/**
 * Creates a wave pinned to the survey's current version. With `openLink`, returns the public
 * link token once: only its hash is stored, so it cannot be shown again.
 */
export async function createWave(db: Db, input: CreateWaveInput) {
  const survey = await getSurvey(db, input.surveyId)
  if (!survey) throw new UnknownSurveyError(input.surveyId)
  const token = input.openLink ? randomToken() : null
  const [wave] = await db
    .insert(waves)
    .values({
      id: randomId('w'),
      name: input.name,
      surveyId: survey.id,
      surveyVersion: survey.currentVersion,
      audience: survey.audience,
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      openLinkHash: token ? await hashToken(token) : null,
      remindAfterDays: input.remindAfterDays ?? 3,
      maxReminders: input.maxReminders ?? 2,
      ownerEmail: input.ownerEmail ?? null,
      reportingPeriod: input.reportingPeriod ?? null,
    })
    .returning()
  return { wave: wave!, openLinkToken: token }
}

export async function getWave(db: Db, id: string) {
  const [row] = await db.select().from(waves).where(eq(waves.id, id))
  return row ?? null
}

const waveByOpenLinkHash = (db: Db) =>
  db
    .select()
    .from(waves)
    .where(eq(waves.openLinkHash, sql.placeholder('hash')))
    .prepare()
// Every respondent request looks its link up: the query is built once per database.
const openLinkQueries = new WeakMap<Db, ReturnType<typeof waveByOpenLinkHash>>()

export async function findWaveByOpenLinkHash(db: Db, hash: string) {
  let query = openLinkQueries.get(db)
  if (!query) openLinkQueries.set(db, (query = waveByOpenLinkHash(db)))
  const [row] = await query.all({ hash })
  return row ?? null
}

export type WaveState = 'open' | 'not-yet-open' | 'closed'

/** A wave is closed once closed by hand or past its close date; links expire with it. */
export function waveState(wave: typeof waves.$inferSelect, now: Date): WaveState {
  if (wave.closedAt || (wave.closesAt && wave.closesAt <= now)) return 'closed'
  if (wave.opensAt && wave.opensAt > now) return 'not-yet-open'
  return 'open'
}

/** Closes a wave now: its links (open link, invitations, reminders) stop working at once. */
export async function closeWave(db: Db, id: string, now: Date) {
  await db.update(waves).set({ closedAt: now }).where(eq(waves.id, id))
  await clearDrafts(db, [id])
  await queueWaveClosed(db, [id], now)
}

export type Wave = typeof waves.$inferSelect

export async function listWaves(db: Db) {
  return db.select().from(waves).orderBy(desc(waves.createdAt), desc(waves.id))
}

/** Makes a wave continuous (reported per month or quarter) or pooled again (null). */
export async function setWaveReportingPeriod(
  db: Db,
  id: string,
  reportingPeriod: ReportingPeriod | null,
) {
  await db.update(waves).set({ reportingPeriod }).where(eq(waves.id, id))
}
