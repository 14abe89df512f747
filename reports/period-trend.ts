import type { GroupReport, SuppressedGroup } from './report-types'
import { periodLabel, periodRange, periodsBetween, type ReportingPeriod } from './periods'
import { trend, type TrendValue } from './trend'
import type { ScaleMapping } from './types'

/** One period of a continuous wave on its trend line. */
export interface PeriodPoint {
  /** `2026-12` or `2026-Q4`. */
  readonly period: string
  /** `December 2026`, `Q4 2026`. */
  readonly label: string
  /** UTC start and exclusive end (ISO 8601). */
  readonly start: string
  readonly end: string
  /** Responses in the period (also when too few to show); 0 for a period without any. */
  readonly responses: number
  readonly n: number | null
  readonly suppressed: boolean
  readonly reason: string | null
  readonly csi: TrendValue | null
  readonly attributes: Readonly<Record<string, TrendValue | null>>
}

/** The change of one statistic from a shown period to the next shown one. */
export interface PeriodChange {
  readonly key: string
  readonly fromPeriod: string
  readonly toPeriod: string
  readonly diff: number
  readonly diff10: number
  readonly t: number | null
  readonly df: number | null
  readonly p: number | null
  readonly pAdjusted: number | null
  readonly significant: boolean
}

export interface PeriodTrend {
  readonly keys: readonly string[]
  readonly minGroup: number
  readonly points: PeriodPoint[]
  readonly changes: PeriodChange[]
}

const byStart = (a: string, b: string) =>
  (periodRange(a)?.start.getTime() ?? 0) - (periodRange(b)?.start.getTime() ?? 0) ||
  (a < b ? -1 : a > b ? 1 : 0)

/**
 * A continuous wave's CSI and attribute means period by period, tested as {@link trend} tests
 * waves: Welch's t between consecutive shown periods (`diff = later − earlier`), attributes
 * Holm-adjusted per pair. `groups` are the report's breakouts by the `period` segment. The line
 * covers every period from `field.from` to `field.to` (the wave's time in the field; ignored when
 * `to` is before `from`) and from the first to the last period with responses: a period without
 * any keeps its place ("No responses"). A period with fewer than `minGroup` respondents is
 * suppressed with its count in the reason, not dropped: a month of 3 answers is too unstable to
 * plot or test, but the reader sees it was there.
 */
export function periodTrend(
  groups: readonly (GroupReport | SuppressedGroup)[],
  field: { readonly period: ReportingPeriod; readonly from: Date; readonly to: Date },
  keys: readonly string[],
  mapping: ScaleMapping,
  minGroup: number,
): PeriodTrend {
  const byPeriod = new Map(groups.filter((g) => g.segment).map((g) => [g.segment!.value, g]))
  const times = [...byPeriod.keys()].flatMap((k) => {
    const r = periodRange(k)
    return r ? [r.start.getTime()] : []
  })
  if (field.from <= field.to) times.push(field.from.getTime(), field.to.getTime())
  const span = times.length
    ? periodsBetween(new Date(Math.min(...times)), new Date(Math.max(...times)), field.period)
    : []
  const all = [...new Set([...span, ...byPeriod.keys()])].sort(byStart)
  const responses = (g: GroupReport | SuppressedGroup | undefined) => (g && !g.suppressed ? g.n : 0)
  const line = all.map((period) => {
    const g = byPeriod.get(period)
    const small: SuppressedGroup | null =
      g && !g.suppressed && g.n < minGroup
        ? {
            audience: g.audience,
            segment: g.segment,
            suppressed: true,
            reason: `${g.n} ${g.n === 1 ? 'response' : 'responses'}, fewer than the ${minGroup} a period needs to be shown`,
          }
        : null
    return { waveId: period, name: periodLabel(period), fieldedAt: '', group: small ?? g ?? null }
  })
  const t = trend(line, keys, mapping)
  return {
    keys,
    minGroup,
    points: t.points.map(({ waveId, name, fieldedAt: _, ...rest }) => {
      const range = periodRange(waveId)
      return {
        period: waveId,
        label: name,
        start: range?.start.toISOString() ?? '',
        end: range?.end.toISOString() ?? '',
        responses: responses(byPeriod.get(waveId)),
        ...rest,
      }
    }),
    changes: t.changes.map(({ fromWave, toWave, ...rest }) => ({
      ...rest,
      fromPeriod: fromWave,
      toPeriod: toWave,
    })),
  }
}
