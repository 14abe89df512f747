// Small dense linear algebra for importance analysis (k ≤ ~40). Plain arrays, no state.

export type Matrix = readonly (readonly number[])[]

/**
 * Cyclic Jacobi eigendecomposition of a symmetric matrix: `S = V·diag(values)·Vᵀ`, eigenvectors in
 * the columns of V (METHODOLOGY §10, ported from `jacobi_eigen` of the worked example). Iterates
 * until the off-diagonal mass is negligible relative to the diagonal.
 */
export function jacobiEigen(s: Matrix): { values: number[]; vectors: number[][] } {
  const n = s.length
  const a = s.map((row) => [...row])
  const v = a.map((_, i) => a.map((__, j): number => (i === j ? 1 : 0)))
  const scale = Math.max(
    1e-300,
    a.reduce((acc, row, i) => acc + row[i] * row[i], 0),
  )
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) off += a[i][j] ** 2
    if (off <= 1e-30 * scale) break
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const sn = t * c
        for (let k = 0; k < n; k++) {
          const akp = a[k][p]
          const akq = a[k][q]
          a[k][p] = c * akp - sn * akq
          a[k][q] = sn * akp + c * akq
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k]
          const aqk = a[q][k]
          a[p][k] = c * apk - sn * aqk
          a[q][k] = sn * apk + c * aqk
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p]
          const vkq = v[k][q]
          v[k][p] = c * vkp - sn * vkq
          v[k][q] = sn * vkp + c * vkq
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v }
}

/** Relative pivot below which a variable counts as a linear combination of earlier ones. */
const COLLINEAR = 1e-12

/**
 * R² of the regression of y on every subset S of k standardised predictors:
 * `R²(S) = r_Sᵀ R_SS⁻¹ r_S` (METHODOLOGY §4.2), indexed by bitmask. Subsets are visited depth
 * first; each step sweeps one pivot m out of the partial covariances of the remaining candidates
 * (`C_ij ← C_ij − C_im C_mj / C_mm`, `c_j ← c_j − C_jm c_m / C_mm`) and adds `c_m² / C_mm` to R²,
 * so the whole table costs about 3·2^k operations. A predictor that is (numerically) a linear
 * combination of the subset before it adds nothing (pseudo-inverse R²).
 */
export function subsetR2(r: Matrix, ry: readonly number[]): Float64Array {
  const k = ry.length
  const out = new Float64Array(1 << k)
  // per depth d: partial covariances among the candidates (n×n, row-major) and with y; reused
  // by siblings because the walk is depth first
  const covs = Array.from({ length: k + 1 }, () => new Float64Array(k * k))
  const cys = Array.from({ length: k + 1 }, () => new Float64Array(k))
  r.forEach((row, i) => row.forEach((x, j) => (covs[0][i * k + j] = x)))
  ry.forEach((x, i) => (cys[0][i] = x))
  const visit = (mask: number, first: number, depth: number, r2: number) => {
    const n = k - first
    const cov = covs[depth]
    const cy = cys[depth]
    const next = covs[depth + 1]
    const nextY = cys[depth + 1]
    for (let a = 0; a < n; a++) {
      const m = first + a
      const child = mask | (1 << m)
      const vm = cov[a * n + a]
      const rest = n - a - 1
      const live = vm > COLLINEAR * r[m][m]
      const inv = live ? 1 / vm : 0
      out[child] = r2 + cy[a] * cy[a] * inv
      if (rest === 0) continue
      const pivot = a * n + a + 1
      const ya = cy[a]
      for (let p = 0; p < rest; p++) {
        const row = (a + 1 + p) * n + a + 1
        const g = cov[row - 1] * inv
        nextY[p] = cy[a + 1 + p] - g * ya
        const base = p * rest
        for (let q = 0; q < rest; q++) next[base + q] = cov[row + q] - g * cov[pivot + q]
      }
      visit(child, m + 1, depth + 1, out[child])
    }
  }
  visit(0, 0, 0, 0)
  return out
}
