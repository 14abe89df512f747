import type { AggregateSpec } from '../../reports'
import { specOfSurvey } from '../surveys/response-record'
import type { Db } from './client'
import type { Audience } from './schema'
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

/** A wave with its pinned survey version and that version's aggregate spec. */
export async function loadWaveSurvey(db: Db, waveId: string) {
  const wave = await getWave(db, waveId)
  if (!wave) return null
  const entry = await surveyVersionWithSpec(db, wave.surveyId, wave.surveyVersion, wave.audience)
  if (!entry)
    throw new Error(`Survey ${wave.surveyId} v${wave.surveyVersion} of wave ${wave.id} is missing`)
  return { wave, ...entry }
}
