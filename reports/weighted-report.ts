import { ipaQuadrants } from './ipa'
import { priorityOf } from './words'
import type { AttributeRow, CsiResult, GroupReport, Report } from './report-types'
import { band, itemFlags, score10Slope, toIndex100, toScore10 } from './scale'
import { weightGaps } from './weighted-gaps'
import { clampToScale } from './summary'
import type { ResolvedOptions, ResponseRecord } from './types'
import { weightedMean, type WeightedMean } from './weighted-stats'
import {
  computeWeights,
  type Population,
  type Weights,
  type WeightingSettings,
  type WeightingUnit,
} from './weighting'

/** How a group was weighted (SPEC §5.4 `weighting`), and how its CIs were computed. */
export interface WeightingInfo {
  readonly method: Weights['method']
  readonly variables: readonly string[]
  readonly n: number
  readonly effectiveN: number
  readonly deff: number
  readonly maxWeight: number
  readonly trimAt: number
  readonly trimmed: number
  readonly iterations: number | null
  readonly converged: boolean | null
  readonly maxMarginError: number | null
  /** The variance behind the weighted CIs, in words. */
  readonly ciMethod: string
}

/** A weighted attribute row: the unweighted row's fields, with weighted mean, CI, band. */
export type WeightedAttributeRow = AttributeRow & {
  readonly effectiveN: number | null
  readonly se: number | null
}

export type WeightedGroupReport = Omit<GroupReport, 'attributes'> & {
  readonly attributes: WeightedAttributeRow[]
  readonly weighting: WeightingInfo
  readonly unweighted: { readonly csi: CsiResult; readonly attributes: AttributeRow[] }
}

/** A respondent for weighting: its record and how to name it in an error (row, response id). */
export type WeightedRecord = ResponseRecord & { readonly id: string }

export const ciMethods: Record<Weights['method'], string> = {
  'post-stratification': 'stratified variance Σ W_h² s_h²/n_h, t on n − H df',
  raking:
    'linearisation with the raking weights taken as fixed, n/(n−1)·Σw²(y−ȳ)²/(Σw)², t on n − 1 df (conservative)',
}

/** Summary fields of a weighted mean on 1–5, mapped to /10 with band and flags. */
function summaryOf(m: WeightedMean, missing: number, o: ResolvedOptions) {
  const lo = clampToScale(m.ciLow)
  const hi = clampToScale(m.ciHigh)
  const score10 = toScore10(m.mean, o.scale)
  const flagInput = {
    n: m.n,
    missing,
    score10Low: toScore10(m.ciLow, o.scale),
    score10High: toScore10(m.ciHigh, o.scale),
  }
  return {
    n: m.n,
    mean: m.mean,
    sd: null,
    ciLow: lo,
    ciHigh: hi,
    score10,
    score10Low: toScore10(lo, o.scale),
    score10High: toScore10(hi, o.scale),
    band: band(score10, o.cutOffs),
    flags: m.n === 0 ? [] : itemFlags(flagInput, o),
    effectiveN: m.effectiveN,
    se: m.se,
  }
}

function weightedCsi(
  c: CsiResult,
  rs: readonly ResponseRecord[],
  w: Weights,
  rows: readonly WeightedAttributeRow[],
  o: ResolvedOptions,
): CsiResult {
  // Withheld (α guard, no answers) or hidden stays so: weighting does not make it publishable.
  if (c.mean === null || c.suppressed) return c
  if (c.definition === 'overall' || c.definition === 'overall-rebuy') {
    const y = rs.map((r) =>
      c.definition === 'overall'
        ? r.overall
        : r.overall === null || r.rebuy === null
          ? null
          : (r.overall + r.rebuy) / 2,
    )
    const s = summaryOf(weightedMean(y, w), 0, o)
    const { effectiveN: _e, se: _s, ...core } = s
    const flags = s.flags.filter((f) => f !== 'highMissing')
    // The components stay with the unweighted CSI: they are not weighted here.
    return { ...c, ...core, flags, index100: toIndex100(s.score10, o.scale), components: null }
  }
  // Composites: the same formula over the weighted attribute means, still without a CI.
  const used = rows.filter((r) => r.mean !== null && (c.weights === null || r.key in c.weights))
  const wt = (r: WeightedAttributeRow) => (c.weights ? c.weights[r.key]! : 1)
  const total = used.reduce((a, r) => a + wt(r), 0)
  const mean = used.reduce((a, r) => a + wt(r) * r.mean!, 0) / total
  const score10 = toScore10(mean, o.scale)
  return {
    ...c,
    mean,
    score10,
    index100: toIndex100(score10, o.scale),
    band: band(score10, o.cutOffs),
  }
}

function weightedGroup(
  g: GroupReport,
  rs: readonly WeightedRecord[],
  pop: Population,
  settings: Partial<WeightingSettings>,
  o: ResolvedOptions,
): { group: WeightedGroupReport; means: Record<string, WeightedMean> } {
  const units: WeightingUnit[] = rs.map((r) => ({ id: r.id, values: r.segments }))
  const w = computeWeights(units, pop, settings)
  const means: Record<string, WeightedMean> = {}
  const attributes = g.attributes.map((a): WeightedAttributeRow => {
    if (a.suppressed) return { ...a, effectiveN: null, se: null }
    const y = rs.map((r) => r.attributes[a.key] ?? null)
    const m = (means[a.key] = weightedMean(y, w))
    const s = summaryOf(m, rs.length - m.n, o)
    return { ...a, ...s, t2b: null, net: null, reason: m.reason }
  })
  // Quadrants follow the weighted performance, with the same importance and crosshair rule.
  const source = g.importanceModel.crosshair.source
  const named = g.attributes.some((a) => a.quadrant !== null)
  const ipa =
    source === null || !named
      ? null
      : ipaQuadrants(
          attributes.map((a) => ({ importance: a.importance[source], performance: a.mean })),
          source,
          o.crosshair,
          g.importanceModel.k,
        )
  const rows = attributes.map((a, i) => {
    const quadrant = ipa ? ipa.quadrants[i]! : a.quadrant
    return { ...a, quadrant, priority: priorityOf(quadrant, a.band) }
  })
  const csi = weightedCsi(g.csi, rs, w, rows, o)
  const weighting: WeightingInfo = {
    method: w.method,
    variables: pop.variables,
    n: w.n,
    effectiveN: w.effectiveN,
    deff: w.deff,
    maxWeight: w.maxWeight,
    trimAt: w.trimAt,
    trimmed: w.trimmed,
    iterations: w.iterations,
    converged: w.converged,
    maxMarginError: w.maxMarginError,
    ciMethod: ciMethods[w.method],
  }
  const crosshair = ipa
    ? { ...g.importanceModel.crosshair, performance: ipa.performance }
    : g.importanceModel.crosshair
  const warnings = [
    ...g.warnings,
    ...(w.converged === false
      ? [
          `raking did not converge in ${w.iterations} passes (largest margin miss ${w.maxMarginError})`,
        ]
      : []),
  ]
  const group: WeightedGroupReport = {
    ...g,
    csi,
    attributes: rows,
    importanceModel: { ...g.importanceModel, crosshair },
    warnings,
    weighting,
    unweighted: { csi: g.csi, attributes: g.attributes },
  }
  return { group, means }
}

/**
 * The report weighted to known population figures (METHODOLOGY §6.7, SPEC §5.4): each visible
 * audience group of a non-anonymous audience (segment breakouts and employees stay unweighted)
 * gets weights from its respondents' values of the population's variables; its CSI and attribute
 * table become weighted, the unweighted ones move under `unweighted`, and `weighting` reports
 * the method, Kish deff and effective n, trimming and raking convergence. Gaps against a weighted
 * audience are re-tested on its weighted means (weighted-gaps.ts); importance, α and Mann–Whitney
 * stay unweighted (said in `warnings`). Throws a WeightingError naming a respondent or a
 * population value that cannot be weighted.
 */
export function weightReport(
  report: Report,
  records: readonly WeightedRecord[],
  pop: Population,
  settings: Partial<WeightingSettings> = {},
): Report {
  const o = report.config
  const means: Record<string, Record<string, WeightedMean>> = {}
  const groups = report.groups.map((g) => {
    if (g.suppressed || g.segment !== null || o.anonymousAudiences.includes(g.audience)) return g
    const rs = records.filter((r) => r.audience === g.audience)
    if (rs.length === 0) return g
    const done = weightedGroup(g, rs, pop, settings, o)
    means[g.audience] = done.means
    return done.group
  })
  const note =
    Object.keys(means).length === 0
      ? ['weighting: no group to weight (employees and segment breakouts stay unweighted)']
      : [
          'weighting: CSI, attribute means and gaps are weighted; importance, α, Mann–Whitney and segment breakouts are not',
        ]
  const gaps = weightGaps(
    report.gaps,
    (audience, key) => means[audience]?.[key] ?? null,
    o,
    score10Slope(o.scale),
  )
  return { ...report, groups, gaps, warnings: [...report.warnings, ...note] }
}
