import type { PAdjustMethod } from './types'

/**
 * Holm step-down adjustment (METHODOLOGY §5.2 [holm-mutoss]): sort `p_(1) ≤ … ≤ p_(m)`, then
 * `p̃_(i) = max_{j≤i} min(1, (m−j+1)·p_(j))`. Nulls (untested items) are not part of the family
 * and stay null.
 */
export function holm(ps: readonly (number | null)[]): (number | null)[] {
  const order = ps
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => x.p !== null)
  order.sort((a, b) => a.p - b.p || a.i - b.i)
  const m = order.length
  const out: (number | null)[] = ps.map(() => null)
  let running = 0
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p))
    out[i] = running
  })
  return out
}

/**
 * Benjamini–Hochberg step-up adjustment (METHODOLOGY §5.2 [bh-scipy]):
 * `p̃_(i) = min_{j≥i} min(1, m·p_(j)/j)`. Nulls stay null and are not counted in m.
 */
export function benjaminiHochberg(ps: readonly (number | null)[]): (number | null)[] {
  const order = ps
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => x.p !== null)
  order.sort((a, b) => b.p - a.p || b.i - a.i)
  const m = order.length
  const out: (number | null)[] = ps.map(() => null)
  let running = 1
  order.forEach(({ p, i }, idx) => {
    running = Math.min(running, (p * m) / (m - idx))
    out[i] = running
  })
  return out
}

/** Adjusts one family of p-values with the chosen method (default Holm). */
export function adjustP(ps: readonly (number | null)[], method: PAdjustMethod = 'holm') {
  return method === 'bh' ? benjaminiHochberg(ps) : holm(ps)
}
