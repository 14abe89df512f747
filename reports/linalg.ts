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
  const scale = Math.max(1e-300, a.reduce((acc, row, i) => acc + row[i] * row[i], 0))
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
 * first, each extending its parent's Cholesky factor by one row, so a subset costs O(|S|²).
 * A predictor that is collinear with the subset before it adds nothing (pseudo-inverse R²).
 */
export function subsetR2(r: Matrix, ry: readonly number[]): Float64Array {
  const k = ry.length
  const out = new Float64Array(1 << k)
  // rows: Cholesky rows of the non-redundant members of the current subset, in order
  const visit = (mask: number, next: number, idx: number[], rows: number[][], z: number[], r2: number) => {
    for (let j = next; j < k; j++) {
      const l: number[] = []
      for (let a = 0; a < idx.length; a++) {
        let s = r[idx[a]][j]
        for (let b = 0; b < a; b++) s -= rows[a][b] * l[b]
        l.push(s / rows[a][a])
      }
      const d2 = r[j][j] - l.reduce((acc, x) => acc + x * x, 0)
      const child = mask | (1 << j)
      if (d2 <= COLLINEAR * r[j][j]) {
        out[child] = r2
        visit(child, j + 1, idx, rows, z, r2)
        continue
      }
      const d = Math.sqrt(d2)
      const zj = (ry[j] - l.reduce((acc, x, a) => acc + x * z[a], 0)) / d
      out[child] = r2 + zj * zj
      visit(child, j + 1, [...idx, j], [...rows, [...l, d]], [...z, zj], out[child])
    }
  }
  visit(0, 0, [], [], [], 0)
  return out
}
