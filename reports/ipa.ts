import type { Crosshair, Quadrant } from './types'

export type ImportanceSource = 'share' | 'stated' | 'r'

export interface IpaResult {
  readonly quadrants: (Quadrant | null)[]
  readonly importance: number | null
  readonly performance: number | null
}

/**
 * Importance–performance quadrants (METHODOLOGY §4.1, §4.3 [MJ77][IPA-ch]). Crosshairs:
 * `grand-mean` (default) at the mean of the attribute means and the mean importance — always
 * 1/k for LMG/RW shares (k = attributes in the model, `shareK`); `scale-midpoint` at 3.0 for performance and 3.0 (stated) or 1/k (shares)
 * for importance; Pearson r has no midpoint, so its crosshair is the mean r in both modes.
 * A point on a crosshair counts as high (≥, within {@link crosshairTolerance}). High importance + low performance =
 * `concentrate-here`; high + high `keep-up`; low + low `low-priority`; low + high
 * `possible-overkill`. Points with a null coordinate get null.
 */
export function ipaQuadrants(
  points: readonly { readonly importance: number | null; readonly performance: number | null }[],
  source: ImportanceSource,
  crosshair: Crosshair = 'grand-mean',
  shareK: number = points.filter((p) => p.importance !== null).length,
): IpaResult {
  const avg = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null)
    return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length
  }
  const perf = crosshair === 'scale-midpoint' ? 3 : avg(points.map((p) => p.performance))
  let imp: number | null
  if (source === 'share') imp = shareK === 0 ? null : 1 / shareK
  else if (source === 'stated' && crosshair === 'scale-midpoint') imp = 3
  else imp = avg(points.map((p) => p.importance))
  const quadrants = points.map(({ importance: i, performance: p }): Quadrant | null => {
    if (i === null || p === null || imp === null || perf === null) return null
    const high = atLeast(p, perf)
    if (atLeast(i, imp)) return high ? 'keep-up' : 'concentrate-here'
    return high ? 'possible-overkill' : 'low-priority'
  })
  return { quadrants, importance: imp, performance: perf }
}

/**
 * Relative tolerance of "on the crosshair". A grand mean of k means is off by a few ulps (the
 * mean of 2.6, 3.8 and 5.0 is 3.8000000000000003), which would class an attribute at exactly
 * 3.8 as low. Real differences between means of integer ratings are far larger than this.
 */
export const crosshairTolerance = 1e-12

/** `x ≥ line`, counting x within the tolerance of the line as on it. */
function atLeast(x: number, line: number): boolean {
  return x >= line - crosshairTolerance * Math.max(1, Math.abs(line))
}
