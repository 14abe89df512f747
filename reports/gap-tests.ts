import { exactDiff, momentsFromCounts, variance } from './descriptives'
import { hedgesJ, normalTwoSidedP, tCritical, tTwoSidedP } from './distributions'

/** Counts per value 1..5 of one item in one group (`counts[v − 1]`). */
export type Counts = readonly number[]

/**
 * Mean difference `Δ = x̄_A − x̄_B` as the exact ratio `(S_A·n_B − S_B·n_A)/(n_A·n_B)`, rounded
 * once, so that a gap of exactly 0.5 is 0.5 (METHODOLOGY §5.2). Null when a group has no answers.
 */
export function meanGap(a: Counts, b: Counts): number | null {
  const ma = momentsFromCounts(a)
  const mb = momentsFromCounts(b)
  if (ma.n === 0 || mb.n === 0) return null
  return exactDiff(ma.sum, mb.n, mb.sum, ma.n) / (ma.n * mb.n)
}

export interface WelchResult {
  readonly t: number
  readonly df: number
  readonly p: number
  readonly ciLow: number
  readonly ciHigh: number
}

/**
 * Welch's unequal-variance t test of A vs B (METHODOLOGY §5.2 [scipy-t][Welch-df]):
 * `t = Δ/√(s_A²/n_A + s_B²/n_B)`, Welch–Satterthwaite
 * `ν = (s_A²/n_A + s_B²/n_B)² / [(s_A²/n_A)²/(n_A−1) + (s_B²/n_B)²/(n_B−1)]`,
 * two-sided `p = 2·F_t(−|t|; ν)`, 95% CI `Δ ± t_{0.975,ν}·SE`. Null (no test) when either group
 * has n < 2 or both variances are 0.
 */
export function welch(a: Counts, b: Counts): WelchResult | null {
  const ma = momentsFromCounts(a)
  const mb = momentsFromCounts(b)
  const va = variance(ma)
  const vb = variance(mb)
  const gap = meanGap(a, b)
  if (va === null || vb === null || gap === null) return null
  return welchFromMoments(gap, { n: ma.n, variance: va }, { n: mb.n, variance: vb })
}

/**
 * The Welch test of {@link welch} from a difference and each group's n and sample variance
 * (for statistics kept as moments, such as a CSI score). Null when n < 2 or both variances are 0.
 */
export function welchFromMoments(
  gap: number,
  a: { readonly n: number; readonly variance: number },
  b: { readonly n: number; readonly variance: number },
): WelchResult | null {
  if (a.n < 2 || b.n < 2 || (a.variance === 0 && b.variance === 0)) return null
  const qa = a.variance / a.n
  const qb = b.variance / b.n
  const se2 = qa + qb
  const se = Math.sqrt(se2)
  const t = gap / se
  const df = (se2 * se2) / ((qa * qa) / (a.n - 1) + (qb * qb) / (b.n - 1))
  const half = tCritical(df) * se
  return { t, df, p: tTwoSidedP(t, df), ciLow: gap - half, ciHigh: gap + half }
}

/**
 * Cohen's d with the pooled SD `s_p = √(((n_A−1)s_A² + (n_B−1)s_B²)/(n_A+n_B−2))` and Hedges'
 * `g = J·d` with the exact `J(m) = Γ(m/2)/(√(m/2)·Γ((m−1)/2))`, m = n_A + n_B − 2
 * (METHODOLOGY §5.2 [effsize-d][hedges-metafor]). Null when n < 2 in a group or s_p = 0.
 */
export function hedgesG(a: Counts, b: Counts): { d: number; j: number; g: number } | null {
  const ma = momentsFromCounts(a)
  const mb = momentsFromCounts(b)
  const va = variance(ma)
  const vb = variance(mb)
  const gap = meanGap(a, b)
  if (va === null || vb === null || gap === null) return null
  const m = ma.n + mb.n - 2
  const sp = Math.sqrt(((ma.n - 1) * va + (mb.n - 1) * vb) / m)
  if (!(sp > 0)) return null
  const d = gap / sp
  const j = hedgesJ(m)
  return { d, j, g: j * d }
}

/**
 * Mann–Whitney U of A vs B from counts, with average ranks for ties (METHODOLOGY §5.2
 * [scipy-mwu]): `U_A = R_A − n_A(n_A+1)/2`, `μ = n_A n_B/2`,
 * `σ² = (n_A n_B/12)[(N+1) − Σ(t³−t)/(N(N−1))]`, `z = (max(U_A, n_A n_B − U_A) − μ − 0.5)/σ`,
 * asymptotic two-sided `p = 2(1 − Φ(z))` capped at 1 (always asymptotic: 1–5 data have ties).
 * Null, as the Welch test, where METHODOLOGY §5.2 has no test: n < 2 in a group, or both groups
 * constant (each gives a single value) — a p there would only inflate the adjustment of the
 * real tests.
 */
export function mannWhitney(a: Counts, b: Counts): { u: number; z: number; p: number } | null {
  const na = a.reduce((s, c) => s + c, 0)
  const nb = b.reduce((s, c) => s + c, 0)
  const n = na + nb
  const constant = (c: Counts) => c.filter((x) => x > 0).length === 1
  if (na < 2 || nb < 2 || (constant(a) && constant(b))) return null
  let below = 0
  let rankSumA = 0
  let tieTerm = 0
  a.forEach((ca, i) => {
    const t = ca + b[i]
    rankSumA += ca * (below + (t + 1) / 2)
    tieTerm += t * t * t - t
    below += t
  })
  const u = rankSumA - (na * (na + 1)) / 2
  const sigma2 = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)))
  if (!(sigma2 > 0)) return null
  const z = (Math.max(u, na * nb - u) - (na * nb) / 2 - 0.5) / Math.sqrt(sigma2)
  return { u, z, p: normalTwoSidedP(z) }
}

/**
 * Cliff's δ = [#(a > b) − #(a < b)] / (n_A n_B) over all pairs, from counts, exact
 * (METHODOLOGY §5.2 [cliff-effsize]). Null when a group is empty.
 */
export function cliffsDelta(a: Counts, b: Counts): number | null {
  const na = a.reduce((s, c) => s + c, 0)
  const nb = b.reduce((s, c) => s + c, 0)
  if (na === 0 || nb === 0) return null
  let gt = 0
  let lt = 0
  a.forEach((ca, i) =>
    b.forEach((cb, j) => {
      if (i > j) gt += ca * cb
      else if (i < j) lt += ca * cb
    }),
  )
  return (gt - lt) / (na * nb)
}

/** Cohen (1988) magnitude of |g|: < 0.2 negligible, < 0.5 small, < 0.8 medium, else large. */
export function magnitudeG(g: number | null) {
  if (g === null) return null
  const x = Math.abs(g)
  return x < 0.2 ? 'negligible' : x < 0.5 ? 'small' : x < 0.8 ? 'medium' : 'large'
}

/** Romano et al. (2006) magnitude of |δ|: < 0.147 negligible, < 0.33 small, < 0.474 medium. */
export function magnitudeDelta(delta: number | null) {
  if (delta === null) return null
  const x = Math.abs(delta)
  return x < 0.147 ? 'negligible' : x < 0.33 ? 'small' : x < 0.474 ? 'medium' : 'large'
}
