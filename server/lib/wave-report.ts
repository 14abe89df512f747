import type { AggregateSpec, Audience, CellRow, ReportOptions } from '../../reports'
import { aggregatesFromCells, reportFromAggregates } from '../../reports'
import type { Db } from '../db/client'
import { loadAggregateRows } from '../db/aggregates'
import { loadWaveSurvey } from '../db/wave-survey'
import { ApiError } from './errors'

type WaveSurvey = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/** Loads the waves of one report (one, or e.g. an employee and a customer wave for gaps). */
export async function loadReportWaves(db: Db, waveIds: readonly string[]) {
  const loaded: WaveSurvey[] = []
  for (const id of new Set(waveIds)) {
    const w = await loadWaveSurvey(db, id)
    if (!w) throw new ApiError('NOT_FOUND', `No wave ${id}`)
    loaded.push(w)
  }
  return loaded
}

/** One spec over several waves: each audience keeps its questionnaire's attribute keys. */
function combinedSpec(waves: readonly WaveSurvey[]): AggregateSpec {
  const attributes: Partial<Record<Audience, readonly string[]>> = {}
  const segments = new Set<string>()
  for (const { wave, spec } of waves) {
    const keys = spec.attributes[wave.audience] ?? []
    const seen = attributes[wave.audience]
    if (seen && seen.join() !== keys.join()) {
      throw new ApiError(
        'BAD_REQUEST',
        `Waves of audience ${wave.audience} ask different attributes; report them separately`,
      )
    }
    attributes[wave.audience] = keys
    for (const s of spec.segments ?? []) segments.add(s)
  }
  return { attributes, segments: [...segments] }
}

/**
 * The SPEC §5.4 report of one or more waves, from their stored aggregates: a few thousand
 * rows whatever the number of responses. Waves of one audience are pooled.
 */
export async function waveReport(db: Db, waves: readonly WaveSurvey[], options: ReportOptions) {
  const spec = combinedSpec(waves)
  const rows: CellRow[] = []
  for (const { wave } of waves) rows.push(...(await loadAggregateRows(db, wave.id)))
  const report = reportFromAggregates(aggregatesFromCells(rows, spec), options)
  return {
    ...report,
    waves: waves.map(({ wave }) => ({
      id: wave.id,
      name: wave.name,
      audience: wave.audience,
      surveyId: wave.surveyId,
      surveyVersion: wave.surveyVersion,
    })),
  }
}
