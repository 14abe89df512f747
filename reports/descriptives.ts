import { tCritical } from './distributions'

/**
 * First two moments of an integer variable u over n cases (`sum = Σu`, `sumSq = Σu²`, integers).
 * The statistic described is x = u / scale (scale 1 for ratings, 2 for the CSI-2 score
 * (overall + rebuy)/2), so that all cells stay integers and every mean is an exact ratio.
 */
export interface Moments {
  readonly n: number
  readonly sum: number
  readonly sumSq: number
  readonly scale: number
}

/** Mean, SD and 95% t-interval; any of them `null` with a reason when not computable. */
export interface MeanCi {
  readonly n: number
  readonly mean: number | null
  readonly sd: number | null
  readonly ciLow: number | null
  readonly ciHigh: number | null
  readonly reason: string | null
}

const SAFE = Number.MAX_SAFE_INTEGER

/**
 * `a·b − c·d` for integers, exact (BigInt when a product leaves the safe-integer range), rounded
 * once at the end. With a = n, b = Σxy, c = Σx, d = Σy it is the centred cross-product
 * `n·Σ(x − x̄)(y − ȳ)`, the numerator of every variance and covariance here.
 */
export function exactDiff(a: number, b: number, c: number, d: number): number {
  if (Math.abs(a * b) < SAFE && Math.abs(c * d) < SAFE) return a * b - c * d
  return Number(BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d))
}

/** Moments of a 1–5 item from its counts per value (`counts[v − 1]` = number of answers v). */
export function momentsFromCounts(counts: readonly number[]): Moments {
  let n = 0
  let sum = 0
  let sumSq = 0
  counts.forEach((c, i) => {
    const v = i + 1
    n += c
    sum += v * c
    sumSq += v * v * c
  })
  return { n, sum, sumSq, scale: 1 }
}

/** Sample variance (n − 1) of x = u/scale: `(n·Σu² − (Σu)²) / (scale²·n(n − 1))`; null if n < 2. */
export function variance(m: Moments): number | null {
  if (m.n < 2) return null
  return exactDiff(m.n, m.sumSq, m.sum, m.sum) / (m.scale * m.scale * m.n * (m.n - 1))
}

/** Mean `Σu / (scale·n)`; null if n = 0. */
export function mean(m: Moments): number | null {
  return m.n === 0 ? null : m.sum / (m.scale * m.n)
}

/**
 * Mean with its 95% Student-t interval `x̄ ± t_{0.975, n−1}·s/√n`, SD with n − 1
 * (METHODOLOGY §6.1 [scipy-t]). Only non-missing answers enter (available-case, §6.6).
 * n = 0 → everything null; n = 1 → mean only; zero variance → a zero-width interval.
 */
export function meanCi(m: Moments, conf = 0.95): MeanCi {
  const mu = mean(m)
  if (mu === null) {
    return { n: 0, mean: null, sd: null, ciLow: null, ciHigh: null, reason: 'no answers' }
  }
  const v = variance(m)
  if (v === null) {
    return { n: m.n, mean: mu, sd: null, ciLow: null, ciHigh: null, reason: 'n < 2: no SD or CI' }
  }
  const sd = Math.sqrt(v)
  const half = tCritical(m.n - 1, conf) * (sd / Math.sqrt(m.n))
  return { n: m.n, mean: mu, sd, ciLow: mu - half, ciHigh: mu + half, reason: null }
}
