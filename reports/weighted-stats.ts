import { tCritical } from './distributions'
import type { Weights } from './weighting'

/** A weighted mean on 1–5 with its standard error and 95% t-interval (null with a reason). */
export interface WeightedMean {
  /** Respondents with an answer. */
  readonly n: number
  /** Kish effective n of those respondents' weights. */
  readonly effectiveN: number | null
  readonly mean: number | null
  readonly se: number | null
  readonly df: number | null
  readonly ciLow: number | null
  readonly ciHigh: number | null
  readonly reason: string | null
}

const none = (n: number, reason: string): WeightedMean => ({
  n,
  effectiveN: null,
  mean: null,
  se: null,
  df: null,
  ciLow: null,
  ciHigh: null,
  reason,
})

function withCi(n: number, effectiveN: number, mean: number, se: number | null, df: number) {
  if (se === null || !(df > 0)) {
    const reason = se === null ? 'a cell has one answer: no variance' : 'too few answers for a CI'
    return { n, effectiveN, mean, se: null, df: null, ciLow: null, ciHigh: null, reason }
  }
  const half = tCritical(df) * se
  return { n, effectiveN, mean, se, df, ciLow: mean - half, ciHigh: mean + half, reason: null }
}

/**
 * The weighted mean of one item over the respondents who answered it (`y[i]` null = missing),
 * with the variance each method calls for (documented in reports/README.md):
 *
 * - post-stratification (METHODOLOGY §6.7): `ȳ_ps = Σ_h W_h ȳ_h`, `Var = Σ_h W_h² s_h²/n_h` over
 *   the cells with answers (W_h renormalised over them, with the cell's n_h and s_h of the item),
 *   95% t-interval on `n − H` df;
 * - raking: `ȳ_w = Σ w_i y_i / Σ w_i`, linearisation variance with the weights taken as fixed,
 *   `Var = n/(n−1) · Σ w_i² (y_i − ȳ_w)² / (Σ w_i)²` (R's `svymean` on `svydesign(ids = ~1,
 *   weights = ~w)`), t on n − 1 df. It ignores the precision raking gains, so it is conservative.
 */
export function weightedMean(y: readonly (number | null)[], w: Weights): WeightedMean {
  const idx = y.flatMap((v, i) => (v === null ? [] : [i]))
  const n = idx.length
  if (n === 0) return none(0, 'no answers')
  const ws = idx.map((i) => w.weights[i]!)
  const sw = ws.reduce((a, b) => a + b, 0)
  const sw2 = ws.reduce((a, b) => a + b * b, 0)
  const effectiveN = (sw * sw) / sw2
  if (w.method === 'post-stratification') {
    const cells = new Map<number, number[]>()
    for (const i of idx) {
      const h = w.cell![i]!
      const list = cells.get(h) ?? []
      list.push(y[i]!)
      cells.set(h, list)
    }
    const shareTotal = [...cells.keys()].reduce((a, h) => a + w.cellShares![h]!, 0)
    let mean = 0
    let variance = 0
    let noVariance = false
    for (const [h, ys] of cells) {
      const W = w.cellShares![h]! / shareTotal
      const m = ys.reduce((a, b) => a + b, 0) / ys.length
      mean += W * m
      if (ys.length < 2) noVariance = true
      else {
        const s2 = ys.reduce((a, b) => a + (b - m) * (b - m), 0) / (ys.length - 1)
        variance += (W * W * s2) / ys.length
      }
    }
    const se = noVariance ? null : Math.sqrt(variance)
    return withCi(n, effectiveN, mean, se, n - cells.size)
  }
  const mean = idx.reduce((a, i) => a + w.weights[i]! * y[i]!, 0) / sw
  if (n < 2) return withCi(n, effectiveN, mean, null, 0)
  const ss = idx.reduce((a, i) => a + w.weights[i]! ** 2 * (y[i]! - mean) ** 2, 0)
  const se = Math.sqrt(((n / (n - 1)) * ss) / (sw * sw))
  return withCi(n, effectiveN, mean, se, n - 1)
}
