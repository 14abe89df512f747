import gammaln from '@stdlib/math-base-special-gammaln'
import normalCdf from '@stdlib/stats-base-dists-normal-cdf'
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'
import tCdf from '@stdlib/stats-base-dists-t-cdf'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'

/** z = Φ⁻¹(0.975) = 1.959964 (METHODOLOGY §6.2). */
export const Z975: number = normalQuantile(0.975, 0, 1)

/**
 * Two-sided critical value `t_{1−(1−conf)/2, df}` of Student's t, df may be non-integer
 * (METHODOLOGY §6.1, §5.2). Requires df > 0.
 */
export function tCritical(df: number, conf = 0.95): number {
  return tQuantile(1 - (1 - conf) / 2, df)
}

/** Two-sided p of Student's t: `p = 2·F_t(−|t|; ν)`, capped at 1 (METHODOLOGY §5.2). */
export function tTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df))
}

/** Upper-tail two-sided normal p `2(1 − Φ(z))` for a one-sided z statistic, capped at 1. */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * normalCdf(-z, 0, 1))
}

/**
 * Exact Hedges correction `J(m) = Γ(m/2) / (√(m/2) · Γ((m−1)/2))`, m = n₁ + n₂ − 2 ≥ 2, via
 * log-gamma so it does not overflow (METHODOLOGY §5.2 [hedges-metafor]).
 */
export function hedgesJ(m: number): number {
  return Math.exp(gammaln(m / 2) - gammaln((m - 1) / 2)) / Math.sqrt(m / 2)
}
