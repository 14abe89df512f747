import type { ReportOptions } from '../../reports'
import { trend } from '../../reports'
import { programmeBands } from '../db/band-settings'
import type { Store } from '../db/client'
import { loadWaveSurvey } from '../db/wave-survey'
import { listWaves } from '../db/waves'
import type { Wave } from '../db/waves'
import { reportLabels } from '../surveys/report-labels'
import { waveReport } from './wave-report'

/** A trend line shows at most this many waves: the latest ones up to the wave asked for. */
export const TREND_WAVES = 12

const fieldedAt = (w: Wave) => w.opensAt ?? w.createdAt

/**
 * The wave and the earlier waves of its survey (any version, same audience), each reported from
 * its own aggregates, as a trend line with tested changes between consecutive waves.
 */
export async function waveTrend(
  store: Store,
  loaded: NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>,
  options: ReportOptions,
) {
  const { wave } = loaded
  const series = (await listWaves(store.db))
    .filter(
      (w) =>
        w.surveyId === wave.surveyId &&
        w.audience === wave.audience &&
        fieldedAt(w).getTime() <= fieldedAt(wave).getTime(),
    )
    .sort((a, b) => fieldedAt(a).getTime() - fieldedAt(b).getTime() || a.id.localeCompare(b.id))
    .slice(-TREND_WAVES)
  const points = []
  for (const w of series) {
    const one = (await loadWaveSurvey(store.db, w.id))!
    const report = await waveReport(store, [one], { ...options, by: [] })
    points.push({
      waveId: w.id,
      name: w.name,
      fieldedAt: fieldedAt(w).toISOString(),
      group: report.groups.find((g) => g.audience === w.audience && g.segment === null) ?? null,
    })
  }
  const labels = reportLabels(loaded.survey.definition).attributes
  // The same mapping each point's waveReport used: the request's, else the programme's.
  const mapping = options.scale ?? (await programmeBands(store.db)).scale
  return {
    ...trend(
      points,
      labels.map((l) => l.key),
      mapping,
    ),
    scale: mapping,
    csiDefinition: options.csi ?? 'overall-rebuy',
    labels: Object.fromEntries(labels.map((l) => [l.key, l.label])),
  }
}
