import type { InferResponseType } from 'hono/client'
import type { api } from '../../api'
import type { TrendData } from '../trend/trend-model'

export type PeriodData = InferResponseType<(typeof api.api.waves)[':id']['periods']['$get'], 200>
export type PeriodPoint = PeriodData['points'][number]

/** How a wave reports, as the create dialog and the setting offer it ('' is pooled). */
export const periodChoices: { value: string; label: string }[] = [
  { value: '', label: 'One pooled result for the wave' },
  { value: 'month', label: 'Continuous: by calendar month' },
  { value: 'quarter', label: 'Continuous: by calendar quarter' },
]

/**
 * The periods as the trend page's line and cells read waves (a period's key in place of a wave
 * id, its label as the name), so both pages draw and word changes the same way.
 */
export function asTrendData(p: PeriodData): TrendData {
  return {
    keys: p.keys,
    labels: p.labels,
    scale: p.scale,
    csiDefinition: p.csiDefinition,
    points: p.points.map(({ period, label, start, end: _, responses: __, ...rest }) => ({
      waveId: period,
      name: label,
      fieldedAt: start,
      ...rest,
    })),
    changes: p.changes.map(({ fromPeriod, toPeriod, ...rest }) => ({
      fromWave: fromPeriod,
      toWave: toPeriod,
      ...rest,
    })),
  }
}

/** Whether any period has a response yet: a new continuous wave shows its empty state. */
export const hasResponses = (p: PeriodData) => p.points.some((x) => x.responses > 0)
