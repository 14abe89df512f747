import { hedgesJ, tCritical, tTwoSidedP } from './distributions'
import { gapVerdict, type GapRow } from './gaps'
import { magnitudeG } from './gap-tests'
import { adjustP } from './padjust'
import type { ResolvedOptions } from './types'
import type { WeightedMean } from './weighted-stats'

/**
 * A gap row with one side's mean replaced by its weighted mean (the other side, e.g. employees,
 * stays unweighted): Δ = mean_A − mean_B, SE² = v_A + v_B with v = s²/n for an unweighted side
 * and the weighted mean's SE² for a weighted one, Welch–Satterthwaite df with the weighted side's
 * df (n − H or n − 1) in place of n − 1; Hedges g = J·Δ over the pooled unweighted SD. Null when
 * the row was not tested or the weighted side has no SE.
 */
function reweighted(row: GapRow, side: 'A' | 'B', w: WeightedMean) {
  if (row.p === null || row.sdA === null || row.sdB === null || row.nA === null || row.nB === null)
    return null
  if (w.mean === null || w.se === null || w.df === null) return null
  const meanA = side === 'A' ? w.mean : row.meanA!
  const meanB = side === 'B' ? w.mean : row.meanB!
  const qa = side === 'A' ? w.se ** 2 : row.sdA ** 2 / row.nA
  const qb = side === 'B' ? w.se ** 2 : row.sdB ** 2 / row.nB
  const dfa = side === 'A' ? w.df : row.nA - 1
  const dfb = side === 'B' ? w.df : row.nB - 1
  const gap = meanA - meanB
  const se = Math.sqrt(qa + qb)
  const df = (qa + qb) ** 2 / (qa ** 2 / dfa + qb ** 2 / dfb)
  const t = gap / se
  const half = tCritical(df) * se
  const m = row.nA + row.nB - 2
  const sp = Math.sqrt(((row.nA - 1) * row.sdA ** 2 + (row.nB - 1) * row.sdB ** 2) / m)
  const j = hedgesJ(m)
  const d = sp > 0 ? gap / sp : null
  const g = d === null ? null : j * d
  const p = tTwoSidedP(t, df)
  return { meanA, meanB, gap, t, df, p, ciLow: gap - half, ciHigh: gap + half, d, j, g }
}

/**
 * The gaps of a comparison with a weighted audience, re-tested on the weighted means and
 * re-adjusted across the re-tested family; Mann–Whitney and Cliff's δ stay unweighted (an
 * ordinal check). `weighted(audience, key)` gives the weighted mean of an attribute, or null when
 * that audience is not weighted.
 */
export function weightGaps(
  gaps: readonly GapRow[],
  weighted: (audience: string, key: string) => WeightedMean | null,
  o: ResolvedOptions,
  slope: number,
): GapRow[] {
  const next = gaps.map((row) => {
    const a = weighted(row.groupA, row.key)
    const b = weighted(row.groupB, row.key)
    if (!a && !b) return { row, r: null, touched: false }
    const side = a ? 'A' : 'B'
    return { row, r: reweighted(row, side, (a ?? b)!), touched: true }
  })
  if (!next.some((x) => x.touched)) return [...gaps]
  const adjusted = adjustP(
    next.map((x) => (x.r ? x.r.p : x.row.p)),
    o.pAdjust,
  )
  return next.map(({ row, r }, i) => {
    if (!r) return row
    const pAdjusted = adjusted[i]!
    const g = r.g
    const verdict =
      g === null ? row.verdict : gapVerdict({ gap: r.gap, p: r.p, pAdjusted, g }, o.gapThresholds)
    return {
      ...row,
      meanA: r.meanA,
      meanB: r.meanB,
      gap: r.gap,
      gap10: r.gap * slope,
      ciGapLow: r.ciLow,
      ciGapHigh: r.ciHigh,
      t: r.t,
      df: r.df,
      p: r.p,
      pAdjusted,
      d: r.d,
      j: r.j,
      g,
      magnitudeG: magnitudeG(g),
      ordinalDisagrees:
        row.pMwuAdjusted !== null &&
        pAdjusted < o.gapThresholds.alpha !== row.pMwuAdjusted < o.gapThresholds.alpha,
      verdict,
    }
  })
}
