import type { ReportOptions } from '../../reports'
import { periodTrend } from '../../reports'
import type { Store } from '../db/client'
import type { loadWaveSurvey } from '../db/wave-survey'
import { ApiError } from '../lib/errors'
import { reportLabels } from '../surveys/report-labels'
import { PERIOD_SEGMENT, wavePeriod } from '../surveys/reporting-period'
import { waveReport } from './wave-report'

type WaveSurvey = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/** A continuous wave's time in the field: from its opening to today or its close. */
function fieldTime(wave: WaveSurvey['wave'], now: Date) {
  const ends = [now, wave.closedAt, wave.closesAt].filter((d): d is Date => d !== null)
  return {
    from: wave.opensAt ?? wave.createdAt,
    to: new Date(Math.min(...ends.map((d) => d.getTime()))),
  }
}

/**
 * A continuous wave's index and attribute scores per reporting period, in time order, with the
 * change between consecutive shown periods tested as wave-to-wave trends are (reports/trend.ts).
 * Read from the wave's aggregates broken down by the `period` segment; periods below the
 * programme's minimum group size are suppressed with their count, empty ones keep their place.
 */
export async function wavePeriodTrend(
  store: Store,
  loaded: WaveSurvey,
  options: ReportOptions,
  now = new Date(),
) {
  const { wave } = loaded
  const period = wavePeriod(wave)
  if (!period)
    throw new ApiError(
      'BAD_REQUEST',
      `Wave ${wave.id} is not continuous: it has no reporting period (set reportingPeriod with PATCH /api/waves/${wave.id})`,
    )
  const report = await waveReport(store, [loaded], { ...options, by: [PERIOD_SEGMENT] }, now)
  const groups = report.groups.filter(
    (g) => g.audience === wave.audience && g.segment?.column === PERIOD_SEGMENT,
  )
  const labels = reportLabels(loaded.survey.definition).attributes
  const mapping = report.scale.mapping
  return {
    waveId: wave.id,
    reportingPeriod: period,
    ...periodTrend(
      groups,
      { period, ...fieldTime(wave, now) },
      labels.map((l) => l.key),
      mapping,
      report.config.minGroup,
    ),
    scale: mapping,
    csiDefinition: report.csiDefinition,
    labels: Object.fromEntries(labels.map((l) => [l.key, l.label])),
  }
}
