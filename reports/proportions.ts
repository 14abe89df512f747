import { Z975 } from './distributions'

/** A proportion with its 95% interval; null fields with a reason when n = 0. */
export interface Proportion {
  readonly count: number
  readonly n: number
  readonly p: number | null
  readonly ciLow: number | null
  readonly ciHigh: number | null
}

/** A net score (top − bottom share, −1..1; ×100 for display) with its 95% interval. */
export interface NetScore {
  readonly top: number
  readonly bottom: number
  readonly n: number
  readonly value: number | null
  readonly ciLow: number | null
  readonly ciHigh: number | null
}

/**
 * Wilson score interval for k of n (METHODOLOGY §6.2 [wilson-dmar]):
 * centre `(p̂ + z²/2n)/(1 + z²/n)`, half-width `z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²)`, z = 1.959964.
 */
export function wilson(count: number, n: number, z = Z975): Proportion {
  if (n === 0) return { count, n, p: null, ciLow: null, ciHigh: null }
  const p = count / n
  const den = 1 + (z * z) / n
  const centre = (p + (z * z) / (2 * n)) / den
  const half = (z / den) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  return { count, n, p, ciLow: centre - half, ciHigh: centre + half }
}

/**
 * Net score `p_top − p_bottom` with the adjusted-Wald interval (METHODOLOGY §6.3 [Rocks16][MU-NPS]):
 * add 3/4 to each tail count and 3 to n, `Var = [p_t + p_b − (p_t − p_b)²]/n'`, interval clipped
 * to [−1, 1]. The point estimate is the unadjusted net.
 */
export function netScore(top: number, bottom: number, n: number, z = Z975): NetScore {
  if (n === 0) return { top, bottom, n, value: null, ciLow: null, ciHigh: null }
  const na = n + 3
  const pt = (top + 0.75) / na
  const pb = (bottom + 0.75) / na
  const adj = pt - pb
  const se = Math.sqrt((pt + pb - adj * adj) / na)
  return {
    top,
    bottom,
    n,
    value: (top - bottom) / n,
    ciLow: Math.max(-1, adj - z * se),
    ciHigh: Math.min(1, adj + z * se),
  }
}

/** Top-2-box (answers 4–5 of 1–5) with its Wilson interval, from counts per value 1..5. */
export function topTwoBox(counts: readonly number[]): Proportion {
  const n = counts.reduce((a, b) => a + b, 0)
  return wilson(counts[3] + counts[4], n)
}

/** Net satisfaction on 1–5: T2B (4–5) − B2B (1–2), adjusted-Wald interval, from counts 1..5. */
export function netSatisfaction(counts: readonly number[]): NetScore {
  const n = counts.reduce((a, b) => a + b, 0)
  return netScore(counts[3] + counts[4], counts[0] + counts[1], n)
}
