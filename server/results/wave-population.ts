import { eq } from 'drizzle-orm'
import {
  decodeRatingCode,
  weightReport,
  WeightingError,
  type Population,
  type Report,
  type WeightedRecord,
} from '../../reports'
import type { Db } from '../db/client'
import { FIRST_RESPONSE_ID, listRatingsPage } from '../db/responses'
import { settings } from '../db/schema'
import type { loadWaveSurvey } from '../db/wave-survey'
import { ApiError } from '../lib/errors'
import { isAnonymous } from '../surveys/audiences'
import { ReportInputError } from './file-report/errors'
import { parsePopulationCsv } from './file-report/population'

type WaveSurvey = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/** A wave's population for weighting (SPEC §5.4): the file as uploaded and the trimming. */
export interface WavePopulation {
  readonly csv: string
  readonly trimAt: number
  readonly population: Population
}

// Stored in the settings table (one row per wave), so no migration is needed.
const keyOf = (waveId: string) => `population:${waveId}`

export async function loadWavePopulation(db: Db, waveId: string): Promise<WavePopulation | null> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, keyOf(waveId)))
  if (!row) return null
  const { csv, trimAt } = JSON.parse(row.value) as { csv: string; trimAt: number }
  return { csv, trimAt, population: parsePopulationCsv(csv) }
}

/**
 * Checks and stores a wave's population file: the file's two forms as `csi report --weights`
 * reads them, each variable one of the wave's segment questions, never for an employee wave
 * (weights could single people out). Refusals name the row, column or variable (400).
 */
export async function saveWavePopulation(
  db: Db,
  loaded: WaveSurvey,
  csv: string,
  trimAt = 5,
): Promise<WavePopulation> {
  if (isAnonymous(loaded.wave.audience))
    throw new ApiError('BAD_REQUEST', 'population: employee waves are not weighted')
  let population: Population
  try {
    population = parsePopulationCsv(csv)
  } catch (err) {
    if (err instanceof ReportInputError)
      throw new ApiError('BAD_REQUEST', err.message.replace(/^--weights: /, 'population: '))
    throw err
  }
  const segments = loaded.spec.segments ?? []
  const unknown = population.variables.find((v) => !segments.includes(v))
  if (unknown !== undefined)
    throw new ApiError(
      'BAD_REQUEST',
      `population: "${unknown}" is not a segment question of the wave (${segments.join(', ') || 'none'})`,
    )
  const value = JSON.stringify({ csv, trimAt })
  await db
    .insert(settings)
    .values({ key: keyOf(loaded.wave.id), value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
  return { csv, trimAt, population }
}

export async function deleteWavePopulation(db: Db, waveId: string) {
  await db.delete(settings).where(eq(settings.key, keyOf(waveId)))
}

/** Every response of a wave as a record for weighting, named by its response id. */
async function waveRecords(db: Db, loaded: WaveSurvey): Promise<WeightedRecord[]> {
  const out: WeightedRecord[] = []
  let after = FIRST_RESPONSE_ID
  for (;;) {
    const page = await listRatingsPage(db, loaded.wave.id, after, 5000)
    for (const r of page) {
      if (!r.ratings) continue
      const record = decodeRatingCode(r.ratings, loaded.wave.audience, loaded.spec)
      out.push({ ...record, id: `response ${r.id}` })
    }
    if (page.length < 5000) return out
    after = page[page.length - 1]!.id
  }
}

/**
 * The report weighted to the population stored for its wave, when there is one and the report
 * is of one wave. A respondent or population value weighting cannot use leaves the report
 * unweighted with a warning naming it, rather than failing the page.
 */
export async function weightedWaveReport<R extends Report>(
  db: Db,
  waves: readonly WaveSurvey[],
  report: R,
): Promise<R & { population: { variables: readonly string[]; trimAt: number } | null }> {
  const [one] = waves
  const stored = waves.length === 1 && one ? await loadWavePopulation(db, one.wave.id) : null
  if (!stored || !one) return { ...report, population: null }
  const population = { variables: stored.population.variables, trimAt: stored.trimAt }
  try {
    const records = await waveRecords(db, one)
    const settingsOf = { trimAt: stored.trimAt }
    return { ...(weightReport(report, records, stored.population, settingsOf) as R), population }
  } catch (err) {
    // A stored code of an older spec does not decode (RangeError): rebuild, as for aggregates.
    if (!(err instanceof WeightingError) && !(err instanceof RangeError)) throw err
    const warning = `weighting skipped: ${err.message}`
    return { ...report, warnings: [...report.warnings, warning], population }
  }
}
