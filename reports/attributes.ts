import { momentsFromCounts } from './descriptives'
import type { GroupStats } from './group-stats'
import { derivedImportance, type DerivedImportance } from './importance'
import { ipaQuadrants, type ImportanceSource } from './ipa'
import { cronbachAlpha, cronbachAlphaFromSS } from './reliability'
import type { AttributeRow, ImportanceModel } from './report-types'
import { summarizeCounts, suppressedSummary } from './summary'
import type { ResolvedOptions } from './types'
import { priorityOf } from './words'

/** Anonymity decisions for one group: each hidden item with its reason (null = shown). */
export interface Hidden {
  readonly overall: string | null
  readonly rebuy: string | null
  /** The CSI-2 pair (respondents with both overall and rebuy). */
  readonly pair: string | null
  readonly attributes: Readonly<Record<string, string>>
  /** Listwise statistics: importance and α. */
  readonly multivariate: string | null
}

/** Nothing hidden (non-anonymous audiences). */
export const nothingHidden: Hidden = {
  overall: null,
  rebuy: null,
  pair: null,
  attributes: {},
  multivariate: null,
}

/**
 * Cronbach α of the attribute battery over the respondents who rated every attribute, whether
 * or not they answered overall (METHODOLOGY §6.5), with that n. Aggregates stored before the
 * battery block have zeros there; for them (no battery case but complete cases) α falls back to
 * the complete cases, with a warning to rebuild.
 */
export function batteryAlpha(stats: GroupStats) {
  const b = stats.battery
  if (b.n === 0 && stats.complete.n > 0) {
    const { n, centred } = stats.complete
    const a = n < 2 ? { alpha: null } : cronbachAlpha(centred.slice(1).map((row) => row.slice(1)))
    const warning =
      'alpha over cases that also answered overall: aggregates predate the battery count; rebuild them'
    return { alpha: a.alpha, n, warning }
  }
  const a = b.n < 2 ? { alpha: null } : cronbachAlphaFromSS(b.itemSS, b.totalSS)
  return { alpha: a.alpha, n: b.n, warning: null }
}

/**
 * Derived importance and reliability of a group's attribute battery (METHODOLOGY §4.2, §6.5):
 * DV overall, listwise-complete cases; bivariate r, LMG/RW behind the N ≥ 50 + 8k gate; and
 * Cronbach α of the attributes over the battery cases ({@link batteryAlpha}).
 */
export function importanceOf(
  stats: GroupStats,
  o: ResolvedOptions,
  hidden: Hidden = nothingHidden,
) {
  const { n, centred } = stats.complete
  const k = centred.length - 1
  const derived = derivedImportance(n, centred, o.importanceMethod, o.importanceGate)
  const a = batteryAlpha(stats)
  if (hidden.multivariate !== null) {
    const none = new Array<null>(k).fill(null)
    const blank = { ...derived, method: null, r2: null, r: none, phi: none, share: none }
    const reason = hidden.multivariate
    return { derived: { ...blank, reason }, alpha: null, alphaN: null, alphaWarning: null }
  }
  return { derived, alpha: a.alpha, alphaN: a.n, alphaWarning: a.warning }
}

/**
 * The strengths/weaknesses table of one group (METHODOLOGY §3, §4): per attribute n, mean, SD,
 * 95% t-CI, /10 score and band with flags, importance (r, LMG/RW share, stated mean) and IPA
 * quadrant; hidden attributes carry no statistics. Rows follow `keys` unless `o.sort` is
 * `mean` (descending) or `importance` (descending); nulls last, ties in key order.
 */
export function attributeTable(
  stats: GroupStats,
  keys: readonly string[],
  o: ResolvedOptions,
  derived: DerivedImportance,
  hidden: Hidden = nothingHidden,
): {
  rows: AttributeRow[]
  source: ImportanceSource | null
  crosshair: ImportanceModel['crosshair']
} {
  const vars = stats.complete.vars.slice(1)
  const rows = keys.map((key): AttributeRow => {
    const j = vars.indexOf(key)
    const reason = Object.hasOwn(hidden.attributes, key) ? hidden.attributes[key] : undefined
    const imp = momentsFromCounts(stats.importance[key] ?? [0, 0, 0, 0, 0])
    const importance = {
      r: reason === undefined && j >= 0 ? derived.r[j] : null,
      share: reason === undefined && j >= 0 ? derived.share[j] : null,
      phi: reason === undefined && j >= 0 ? derived.phi[j] : null,
      stated: reason !== undefined || imp.n === 0 ? null : imp.sum / imp.n,
      statedN: reason !== undefined ? 0 : imp.n,
    }
    const summary =
      reason === undefined
        ? summarizeCounts(stats.attributes[key], stats.n, o)
        : suppressedSummary(reason)
    return { key, ...summary, importance, quadrant: null, priority: null }
  })
  const has = (f: (r: AttributeRow) => number | null) => rows.some((r) => f(r) !== null)
  const source: ImportanceSource | null = has((r) => r.importance.share)
    ? 'share'
    : has((r) => r.importance.stated)
      ? 'stated'
      : has((r) => r.importance.r)
        ? 'r'
        : null
  const impOf = (r: AttributeRow) => (source === null ? null : r.importance[source])
  const ipa = ipaQuadrants(
    rows.map((r) => ({ importance: impOf(r), performance: r.mean })),
    source ?? 'r',
    o.crosshair,
    derived.k,
  )
  // Pearson r is what is left below the N ≥ 50 + 8k gate: too unstable to name a quadrant
  // (METHODOLOGY §4.2 shows r only, with a low-base warning). The crosshair is still reported.
  const gated = source === 'r'
  const withQuadrants = rows.map((r, i) => {
    const quadrant = gated ? null : ipa.quadrants[i]!
    return { ...r, quadrant, priority: priorityOf(quadrant, r.band) }
  })
  const crosshair = {
    type: o.crosshair,
    source,
    importance: source === null ? null : ipa.importance,
    performance: ipa.performance,
  }
  return { rows: sortRows(withQuadrants, o.sort, impOf), source, crosshair }
}

function sortRows(
  rows: AttributeRow[],
  sort: ResolvedOptions['sort'],
  impOf: (r: AttributeRow) => number | null,
): AttributeRow[] {
  if (sort === 'none') return rows
  const value = sort === 'mean' ? (r: AttributeRow) => r.mean : impOf
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1
      return b.v - a.v || a.i - b.i
    })
    .map((x) => x.r)
}
