import { welchFromMoments } from './gap-tests'
import { holm } from './padjust'
import type { GroupReport, SuppressedGroup } from './report-types'
import { score10Slope } from './scale'
import type { Band, ScaleMapping } from './types'

/** One statistic of one wave on a trend line: mean and CI on 1–5, score on /10. */
export interface TrendValue {
  readonly n: number
  readonly mean: number
  readonly sd: number | null
  readonly ciLow: number | null
  readonly ciHigh: number | null
  readonly score10: number | null
  readonly score10Low: number | null
  readonly score10High: number | null
  readonly band: Band | null
}

export interface TrendPoint {
  readonly waveId: string
  readonly name: string
  readonly fieldedAt: string
  readonly n: number | null
  readonly suppressed: boolean
  readonly reason: string | null
  readonly csi: TrendValue | null
  readonly attributes: Readonly<Record<string, TrendValue | null>>
}

/** The change of one statistic from a wave to the next one on the line. */
export interface TrendChange {
  /** `csi` or an attribute key. */
  readonly key: string
  readonly fromWave: string
  readonly toWave: string
  /** Later mean − earlier mean on 1–5; `diff10` the same on /10. */
  readonly diff: number
  readonly diff10: number
  readonly t: number | null
  readonly df: number | null
  readonly p: number | null
  /** Holm-adjusted across the attributes of one pair of waves; the CSI is tested alone. */
  readonly pAdjusted: number | null
  readonly significant: boolean
}

export interface Trend {
  readonly keys: readonly string[]
  readonly points: TrendPoint[]
  readonly changes: TrendChange[]
}

type Stat = {
  n: number | null
  mean: number | null
  sd: number | null
  ciLow: number | null
  ciHigh: number | null
  score10: number | null
  score10Low: number | null
  score10High: number | null
  band: Band | null
}

const value = (s: Stat | undefined): TrendValue | null =>
  s && s.n !== null && s.n > 0 && s.mean !== null
    ? {
        n: s.n,
        mean: s.mean,
        sd: s.sd,
        ciLow: s.ciLow,
        ciHigh: s.ciHigh,
        score10: s.score10,
        score10Low: s.score10Low,
        score10High: s.score10High,
        band: s.band,
      }
    : null

function change(key: string, from: TrendPoint, to: TrendPoint, a: TrendValue, b: TrendValue) {
  const diff = b.mean - a.mean
  const test =
    a.sd === null || b.sd === null
      ? null
      : welchFromMoments(diff, { n: b.n, variance: b.sd * b.sd }, { n: a.n, variance: a.sd * a.sd })
  return { key, fromWave: from.waveId, toWave: to.waveId, diff, test }
}

/**
 * CSI and attribute means wave over wave (METHODOLOGY §5.2 tests applied to time): each
 * consecutive pair of waves with both values is compared with Welch's t on the groups' n, mean
 * and SD (`diff = later − earlier`, two-sided p). Attribute p-values are Holm-adjusted across
 * the attributes of that pair; a change is `significant` when its (adjusted) p < 0.05.
 * Suppressed waves keep their place on the line without values, and pairs skip over them.
 * `waves` must be in field order; means stay on 1–5, `diff10` uses the report's mapping.
 */
export function trend(
  waves: readonly {
    waveId: string
    name: string
    fieldedAt: string
    group: GroupReport | SuppressedGroup | null
  }[],
  keys: readonly string[],
  mapping: ScaleMapping,
): Trend {
  const points: TrendPoint[] = waves.map(({ waveId, name, fieldedAt, group }) => {
    if (!group || group.suppressed)
      return {
        waveId,
        name,
        fieldedAt,
        n: null,
        suppressed: Boolean(group?.suppressed),
        reason: group?.suppressed ? group.reason : 'No responses',
        csi: null,
        attributes: Object.fromEntries(keys.map((k) => [k, null])),
      }
    const byKey = new Map(group.attributes.map((a) => [a.key, a]))
    return {
      waveId,
      name,
      fieldedAt,
      n: group.n,
      suppressed: false,
      reason: null,
      csi: value(group.csi),
      attributes: Object.fromEntries(keys.map((k) => [k, value(byKey.get(k))])),
    }
  })
  const slope = score10Slope(mapping)
  const changes: TrendChange[] = []
  const shown = points.filter((p) => !p.suppressed && p.n !== null)
  for (let i = 1; i < shown.length; i++) {
    const from = shown[i - 1]!
    const to = shown[i]!
    const rows = []
    if (from.csi && to.csi)
      rows.push({ ...change('csi', from, to, from.csi, to.csi), family: false })
    for (const k of keys) {
      const a = from.attributes[k]
      const b = to.attributes[k]
      if (a && b) rows.push({ ...change(k, from, to, a, b), family: true })
    }
    const adjusted = holm(rows.filter((r) => r.family).map((r) => r.test?.p ?? null))
    let f = 0
    for (const r of rows) {
      const p = r.test?.p ?? null
      const pAdjusted = r.family ? adjusted[f++]! : p
      changes.push({
        key: r.key,
        fromWave: r.fromWave,
        toWave: r.toWave,
        diff: r.diff,
        diff10: r.diff * slope,
        t: r.test?.t ?? null,
        df: r.test?.df ?? null,
        p,
        pAdjusted,
        significant: pAdjusted !== null && pAdjusted < 0.05,
      })
    }
  }
  return { keys, points, changes }
}
