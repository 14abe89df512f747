import { jacobiEigen, subsetR2, type Matrix } from './linalg'
import { pearsonFromCentred } from './reliability'
import type { ImportanceMethod } from './types'

/**
 * Shapley / LMG decomposition of R² (METHODOLOGY §4.2 [relaimpo][sens-lmg]):
 * `φ_j = Σ_{S ⊆ P∖{j}} |S|!(k−|S|−1)!/k! · [R²(S ∪ {j}) − R²(S)]`, with
 * `R²(S) = r_Sᵀ R_SS⁻¹ r_S` from the predictor correlation matrix R and the predictor–DV
 * correlations r_y. The φ_j are ≥ 0 and sum to R²(full). Cost 2^k subsets: k ≤ 20.
 */
export function lmg(r: Matrix, ry: readonly number[]): { phi: number[]; r2: number } {
  const k = ry.length
  if (k > 20) throw new RangeError(`LMG needs 2^k subset regressions; k = ${k} is too many`)
  const table = subsetR2(r, ry)
  // weight of a subset of size s not containing j: 1 / (k · C(k−1, s))
  const weights: number[] = []
  let binom = 1
  for (let s = 0; s < k; s++) {
    weights.push(1 / (k * binom))
    binom = (binom * (k - 1 - s)) / (s + 1)
  }
  weights.push(0) // no subset of size k lacks j
  // φ_j = Σ_{T∋j} R²(T)·(w(|T|−1) + w(|T|)) − Σ_T R²(T)·w(|T|)
  const full = 1 << k
  const size = new Uint8Array(full)
  const b = new Float64Array(full)
  let common = 0
  for (let t = 1; t < full; t++) {
    size[t] = size[t >> 1] + (t & 1)
    common += table[t] * weights[size[t]]
    b[t] = table[t] * (weights[size[t] - 1] + weights[size[t]])
  }
  // Σ_{T∋j} b_T via subtree sums of the subset tree (T's parent is T minus its largest element):
  // every T ∋ j lies in the subtree of exactly one node whose largest element is j
  const sub = new Float64Array(full)
  const acc = new Float64Array(k)
  for (let t = full - 1; t >= 1; t--) {
    const top = 31 - Math.clz32(t)
    let s = b[t]
    for (let m = top + 1; m < k; m++) s += sub[t | (1 << m)]
    sub[t] = s
    acc[top] += s
  }
  const phi = Array.from(acc, (x) => Math.max(0, x - common)) // φ ≥ 0; clears rounding residue
  return { phi, r2: table[(1 << k) - 1] }
}

/**
 * Johnson's relative weights (METHODOLOGY §4.2 [JL04][sens-johnson]): `R = VΛVᵀ`,
 * `Λ* = VΛ^{1/2}Vᵀ`, `β* = Λ*⁻¹ r_y`, `ε_j = Σ_k Λ*_{jk}² β*_k²`, `Σ ε_j = R²`.
 * Eigenvalues ≈ 0 (collinear predictors) are dropped (pseudo-inverse).
 */
export function relativeWeights(r: Matrix, ry: readonly number[]): { eps: number[]; r2: number } {
  const { values, vectors: v } = jacobiEigen(r)
  const top = Math.max(...values.map(Math.abs), 0)
  const sq = values.map((l) => (l > 1e-12 * top ? Math.sqrt(l) : 0))
  const lstar = v.map((_, i) =>
    v.map((__, j) => sq.reduce((s, q, c) => s + v[i][c] * q * v[j][c], 0)),
  )
  // β* = V Λ^{-1/2} Vᵀ r_y
  const vtr = sq.map((_, c) => v.reduce((s, row, i) => s + row[c] * ry[i], 0))
  const scaled = vtr.map((x, c) => (sq[c] > 0 ? x / sq[c] : 0))
  const beta = v.map((row) => row.reduce((s, x, c) => s + x * scaled[c], 0))
  const eps = lstar.map((row) => row.reduce((s, x, c) => s + x * x * beta[c] * beta[c], 0))
  return { eps, r2: eps.reduce((a, b) => a + b, 0) }
}

/** Green's rule for derived importance: N ≥ 50 + 8k complete cases (METHODOLOGY §4.2 [Green91]). */
export function greenMinimum(k: number): number {
  return 50 + 8 * k
}

export interface DerivedImportance {
  readonly n: number
  readonly k: number
  readonly required: number
  readonly gatePassed: boolean
  readonly method: 'lmg' | 'rw' | null
  readonly r2: number | null
  /** Pearson r of each attribute with the DV over the complete cases. */
  readonly r: (number | null)[]
  /** LMG φ_j or RW ε_j (share of variance of the DV). */
  readonly phi: (number | null)[]
  /** φ_j / R². */
  readonly share: (number | null)[]
  readonly reason: string | null
}

/**
 * Derived importance of k attributes for the DV `overall` from the centred cross-products `c` of
 * the listwise-complete cases (variable 0 = DV, 1..k = attributes; METHODOLOGY §4.2).
 * Bivariate r always (n ≥ 3); LMG (k ≤ 15, `auto`) or relative weights (k > 15) only when the
 * gate N ≥ 50 + 8k passes (or `gate` is false, and still n > k + 1). A constant attribute gets r = null and φ = 0.
 */
export function derivedImportance(
  n: number,
  c: Matrix,
  method: ImportanceMethod = 'auto',
  gate = true,
): DerivedImportance {
  const k = c.length - 1
  const required = greenMinimum(k)
  const gatePassed = n >= required
  const none = new Array<number | null>(k).fill(null)
  const base = { n, k, required, gatePassed, method: null, r2: null, phi: none, share: none }
  if (n < 3) return { ...base, r: none, reason: 'fewer than 3 complete cases' }
  const r = c.slice(1).map((row, j) => pearsonFromCentred(row[0], c[j + 1][j + 1], c[0][0]))
  if (!(c[0][0] > 0)) return { ...base, r, reason: 'overall has no variance in the complete cases' }
  if (k === 0) return { ...base, r, reason: 'no attributes' }
  if (n <= k + 1) return { ...base, r, reason: `${n} complete cases cannot fit ${k} predictors` }
  if (gate && !gatePassed) {
    return { ...base, r, reason: `derived importance needs ${required} complete cases, has ${n}` }
  }
  const use = method === 'auto' ? (k <= 15 ? 'lmg' : 'rw') : method
  if (use === 'lmg' && k > 20) return { ...base, r, reason: 'LMG is limited to 20 attributes' }
  const live = (j: number) => c[j + 1][j + 1] > 0
  const rr = c
    .slice(1)
    .map((row, i) =>
      row
        .slice(1)
        .map((x, j) =>
          i === j ? 1 : live(i) && live(j) ? x / Math.sqrt(c[i + 1][i + 1] * c[j + 1][j + 1]) : 0,
        ),
    )
  const ry = r.map((x) => x ?? 0)
  const fit =
    use === 'lmg' ? lmg(rr, ry) : (({ eps, r2 }) => ({ phi: eps, r2 }))(relativeWeights(rr, ry))
  const share = fit.phi.map((p) => (fit.r2 > 0 ? p / fit.r2 : null))
  return { ...base, method: use, r, r2: fit.r2, phi: fit.phi, share, reason: null }
}
