import { sql } from 'drizzle-orm'
import type { AggregateSpec } from '../../reports'
import { isAnonymous } from '../surveys/audiences'
import { specOfSurvey } from '../surveys/response-record'
import { PERIOD_SEGMENT, wavePeriod } from '../surveys/reporting-period'
import type { Db } from './client'
import type { Audience } from './schema'
import { invitations } from './schema'
import { getSurveyVersion } from './surveys'
import { getWave } from './waves'

type SurveyVersion = NonNullable<Awaited<ReturnType<typeof getSurveyVersion>>>

// Survey versions never change once stored, so each isolate/process may keep them: one
// parsed definition (and aggregate spec) per version, not one per request.
const versions = new Map<string, { survey: SurveyVersion; spec: AggregateSpec }>()

/** A stored survey version with the aggregate spec of its questions, cached. */
export async function surveyVersionWithSpec(
  db: Db,
  surveyId: string,
  version: number,
  audience: Audience,
) {
  const key = `${surveyId}@${version}`
  const hit = versions.get(key)
  if (hit) return hit
  const survey = await getSurveyVersion(db, surveyId, version)
  if (!survey) return null
  const entry = { survey, spec: specOfSurvey(audience, survey.definition) }
  versions.set(key, entry)
  return entry
}

/** The segment columns a wave's contact list brings (sorted), whatever the survey asks. */
export async function contactColumns(db: Db, waveId: string): Promise<string[]> {
  const rows = await db
    .select({ key: sql<string>`j.key` })
    .from(sql`${invitations}, json_each(${invitations.segments}) as j`)
    .where(sql`${invitations.waveId} = ${waveId}`)
    .groupBy(sql`j.key`)
    .orderBy(sql`j.key`)
  return rows.map((r) => r.key)
}

/**
 * A wave's aggregate spec: its survey version's, plus the contact list's own segment columns
 * for named audiences (employee waves may only use the survey's segment questions), plus the
 * reporting period of a continuous wave. The columns are kept on the wave by each contact import,
 * which then rebuilds the wave's aggregates when they change (see distribution/contacts-import.ts).
 */
export function waveSpec(
  wave: Parameters<typeof wavePeriod>[0] & { contactColumns: string[] | null },
  surveySpec: AggregateSpec,
): AggregateSpec {
  if (isAnonymous(wave.audience)) return surveySpec
  const own = surveySpec.segments ?? []
  const extra = (wave.contactColumns ?? []).filter((c) => !own.includes(c))
  if (wavePeriod(wave) && !own.includes(PERIOD_SEGMENT) && !extra.includes(PERIOD_SEGMENT))
    extra.push(PERIOD_SEGMENT)
  return extra.length ? { ...surveySpec, segments: [...own, ...extra] } : surveySpec
}

/** A wave with its pinned survey version and its aggregate spec (see {@link waveSpec}). */
export async function loadWaveSurvey(db: Db, waveId: string) {
  const wave = await getWave(db, waveId)
  if (!wave) return null
  const entry = await surveyVersionWithSpec(db, wave.surveyId, wave.surveyVersion, wave.audience)
  if (!entry)
    throw new Error(`Survey ${wave.surveyId} v${wave.surveyVersion} of wave ${wave.id} is missing`)
  return { wave, survey: entry.survey, spec: waveSpec(wave, entry.spec) }
}
