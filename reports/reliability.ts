import type { Matrix } from './linalg'

/**
 * Pearson r from centred cross-products (`c_xy = n·Σ(x−x̄)(y−ȳ)`, any common scale):
 * `r = c_xy / √(c_xx·c_yy)` (METHODOLOGY §4.2). Null when either variable has no variance.
 */
export function pearsonFromCentred(cxy: number, cxx: number, cyy: number): number | null {
  if (!(cxx > 0) || !(cyy > 0)) return null
  return cxy / Math.sqrt(cxx * cyy)
}

/**
 * Cronbach's α of k items from their covariance matrix (any common scale, e.g. centred
 * cross-products over the listwise-complete cases): `α = k/(k−1)·(1 − Σ_j s_j² / s_T²)` with
 * `s_T² = Σ_ij s_ij` the variance of the sum score (METHODOLOGY §6.5 [cronbach-cocron]).
 * Null with a reason for k < 2 or a constant sum score.
 */
export function cronbachAlpha(cov: Matrix): { alpha: number | null; reason: string | null } {
  const k = cov.length
  if (k < 2) return { alpha: null, reason: 'alpha needs at least 2 items' }
  let diag = 0
  let total = 0
  for (let i = 0; i < k; i++) {
    diag += cov[i][i]
    for (let j = 0; j < k; j++) total += cov[i][j]
  }
  if (!(total > 0)) return { alpha: null, reason: 'alpha undefined: the sum score has no variance' }
  return { alpha: (k / (k - 1)) * (1 - diag / total), reason: null }
}

/**
 * Cronbach's α from centred sums of squares over the same cases (any common scale, e.g.
 * `n·Σx² − (Σx)²`): `α = k/(k−1)·(1 − Σ_j SS_j / SS_T)`, T the sum score (METHODOLOGY §6.5).
 */
export function cronbachAlphaFromSS(
  itemSS: readonly number[],
  totalSS: number,
): { alpha: number | null; reason: string | null } {
  const k = itemSS.length
  if (k < 2) return { alpha: null, reason: 'alpha needs at least 2 items' }
  if (!(totalSS > 0))
    return { alpha: null, reason: 'alpha undefined: the sum score has no variance' }
  const items = itemSS.reduce((a, b) => a + b, 0)
  return { alpha: (k / (k - 1)) * (1 - items / totalSS), reason: null }
}
