import type { DerivedImportance } from './importance'
import { pearsonFromCentred, cronbachAlpha } from './reliability'
import type { AttributeRow, CsiResult, ItemSummary } from './report-types'
import type { GroupStats } from './group-stats'
import { band, toIndex100, toScore10 } from './scale'
import { summarize, summarizeCounts } from './summary'
import type { ResolvedOptions } from './types'

const blank = {
  ...{ n: null, mean: null, sd: null, ciLow: null, ciHigh: null, score10: null },
  ...{ score10Low: null, score10High: null, index100: null, band: null, flags: [] },
  ...{ alpha: null, r: null, nPartial: null, components: null, weights: null },
  ...{ weightsSource: null, suppressed: false, reason: null, warnings: [] },
}

function fromSummary(def: CsiResult['definition'], s: ItemSummary, o: ResolvedOptions): CsiResult {
  const { n, mean, sd, ciLow, ciHigh, score10, score10Low, score10High, band: b, flags } = s
  const index100 = toIndex100(score10, o.scale)
  const core = { n, mean, sd, ciLow, ciHigh, score10, score10Low, score10High, index100, band: b }
  return { definition: def, ...blank, ...core, flags, reason: s.reason }
}

function fromComposite(
  def: CsiResult['definition'],
  n: number,
  mean: number | null,
  o: ResolvedOptions,
) {
  const score10 = toScore10(mean, o.scale)
  const reason = 'no respondent-level CI for attribute composites (METHODOLOGY §2)'
  return {
    definition: def,
    ...blank,
    n,
    mean,
    score10,
    index100: toIndex100(score10, o.scale),
    band: band(score10, o.cutOffs),
    reason,
  }
}

/**
 * CSI-1 `overall`: mean of OVERALL with its 95% t-interval (METHODOLOGY §2, §6.1).
 */
export function csiOverall(stats: GroupStats, o: ResolvedOptions): CsiResult {
  const s = summarizeCounts(stats.overall, stats.n, o)
  return { ...fromSummary('overall', s, o), reason: s.reason ?? null }
}

/**
 * CSI-2 `overall-rebuy` (default): per respondent `s_i = (OVERALL_i + REBUY_i)/2`, both answered
 * (others excluded, counted in `nPartial`); mean, SD, 95% t-interval (METHODOLOGY §2, §6.1).
 * Guard rail: Cronbach α of the pair (and r); if α < 0.60 the combined number is withheld
 * (null, reason "components diverge") and the components are shown instead. Components are
 * always reported.
 */
export function csiOverallRebuy(stats: GroupStats, o: ResolvedOptions): CsiResult {
  const { pair } = stats
  const s = summarize(pair.u, stats.n - pair.n, null, o)
  const [[coo, cor], [, crr]] = pair.centred
  const a = pair.n < 2 ? { alpha: null, reason: 'n < 2' } : cronbachAlpha(pair.centred)
  const components = {
    overall: summarizeCounts(stats.overall, stats.n, o),
    rebuy: summarizeCounts(stats.rebuy, stats.n, o),
  }
  const nPartial = (components.overall.n ?? 0) + (components.rebuy.n ?? 0) - 2 * pair.n
  const r = pearsonFromCentred(cor, coo, crr)
  const base = { ...fromSummary('overall-rebuy', s, o), alpha: a.alpha, r, nPartial, components }
  if (a.alpha !== null && a.alpha < o.alphaMin) {
    const reason = `components diverge: alpha ${a.alpha.toFixed(2)} < ${o.alphaMin}; see components`
    return {
      definition: 'overall-rebuy' as const,
      ...blank,
      n: pair.n,
      alpha: a.alpha,
      r,
      nPartial,
      components,
      reason,
      warnings: [reason],
    }
  }
  const warnings = pair.n >= 2 && a.alpha === null ? [`coherence not checked: ${a.reason}`] : []
  return { ...base, warnings }
}

function battery(rows: readonly AttributeRow[]) {
  const used = rows.filter((r) => r.mean !== null)
  const missing = rows.filter((r) => r.mean === null).map((r) => r.key)
  const warnings = missing.length
    ? [`attributes without a mean left out: ${missing.join(', ')}`]
    : []
  return { used, warnings }
}

function guard(res: CsiResult, alpha: number | null, o: ResolvedOptions): CsiResult {
  if (alpha === null && res.mean !== null) {
    // e.g. every respondent skipped an attribute: say so rather than publish unchecked.
    const note = 'coherence not checked: fewer than 2 respondents rated every attribute'
    return { ...res, alpha, warnings: [...res.warnings, note] }
  }
  if (alpha === null || alpha >= o.alphaMin) return { ...res, alpha }
  const reason = `attribute battery incoherent: alpha ${alpha.toFixed(2)} < ${o.alphaMin}`
  return {
    definition: res.definition,
    ...blank,
    n: res.n,
    alpha,
    reason,
    warnings: [...res.warnings, reason],
  }
}

/**
 * CSI-3 `attributes`: equal-weight mean of the attribute means `Σ_j m_j / k` over attributes with
 * answers (METHODOLOGY §2 [SPG]); no CI (v1). `n` = respondents who rated at least one attribute.
 * Withheld when the battery's Cronbach α (listwise) is below 0.60 (METHODOLOGY §6.5).
 */
export function csiAttributes(
  stats: GroupStats,
  rows: readonly AttributeRow[],
  alpha: number | null,
  o: ResolvedOptions,
): CsiResult {
  const { used, warnings } = battery(rows)
  const mean =
    used.length === 0 ? null : used.reduce((s, r) => s + (r.mean as number), 0) / used.length
  const res = { ...fromComposite('attributes', stats.nAttributes, mean, o), warnings }
  return guard(mean === null ? { ...res, reason: 'no attribute answers' } : res, alpha, o)
}

/**
 * CSI-4 `weighted`: `Σ_j w_j m_j / Σ_j w_j` (METHODOLOGY §2, §4.2). Weights: LMG (or RW) shares
 * when derived importance passed its gate, else mean stated importance when asked for every
 * attribute, else Pearson r with overall clipped at 0. Normalised weights are reported. No CI (v1).
 */
export function csiWeighted(
  stats: GroupStats,
  rows: readonly AttributeRow[],
  derived: DerivedImportance,
  alpha: number | null,
  o: ResolvedOptions,
): CsiResult {
  const { used, warnings } = battery(rows)
  const pick = (f: (r: AttributeRow) => number | null) =>
    used.every((r) => f(r) !== null) ? used.map((r) => Math.max(0, f(r) as number)) : null
  const options = [
    { source: derived.method, w: derived.method === null ? null : pick((r) => r.importance.share) },
    { source: 'stated' as const, w: pick((r) => r.importance.stated) },
    { source: 'correlation' as const, w: pick((r) => r.importance.r) },
  ]
  const chosen = options.find((x) => x.source !== null && x.w !== null)
  const total = chosen?.w?.reduce((a, b) => a + b, 0) ?? 0
  if (used.length === 0 || chosen === undefined || chosen.w === null || !(total > 0)) {
    const reason = used.length === 0 ? 'no attribute answers' : 'no usable importance weights'
    return guard(
      { ...fromComposite('weighted', stats.nAttributes, null, o), reason, warnings },
      alpha,
      o,
    )
  }
  const w = chosen.w.map((x) => x / total)
  const mean = used.reduce((s, r, i) => s + w[i] * (r.mean as number), 0)
  const weights = Object.fromEntries(used.map((r, i) => [r.key, w[i]]))
  const res = {
    ...fromComposite('weighted', stats.nAttributes, mean, o),
    weights,
    weightsSource: chosen.source,
    warnings,
  }
  return guard(res, alpha, o)
}
