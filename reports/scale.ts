import type { Band, CutOffs, Flag, ScaleMapping } from './types'

/** Band cut-offs on /10: strength ≥ 8, adequate ≥ 7 (METHODOLOGY §3). */
export const defaultCutOffs: CutOffs = { strength: 8, adequate: 7 }

/**
 * Maps a score on the 1–5 scale onto /10 (METHODOLOGY §1):
 * linear `(m − 1)/4 × 10` (default; 1 → 0, 5 → 10), proportional `2m`, anchored10
 * `1 + (m − 1)·9/4` (1 → 1, 5 → 10). All three are affine, so CI endpoints map exactly.
 * `null` in, `null` out.
 */
export function toScore10(m: number | null, mapping: ScaleMapping = 'linear'): number | null {
  if (m === null) return null
  if (mapping === 'proportional') return 2 * m
  if (mapping === 'anchored10') return 1 + ((m - 1) * 9) / 4
  return ((m - 1) / 4) * 10
}

/**
 * The /10 score of a mean given as the exact ratio `sum / n` of integers, with a single rounding,
 * so that a mean that sits exactly on a cut-off (e.g. 19/5 = 3.8 → 7.0 linear) lands on it and
 * never 1 ulp below (METHODOLOGY §1, §3).
 */
export function ratioToScore10(sum: number, n: number, mapping: ScaleMapping = 'linear'): number {
  if (mapping === 'proportional') return (2 * sum) / n
  if (mapping === 'anchored10') return (4 * n + 9 * (sum - n)) / (4 * n)
  return (10 * (sum - n)) / (4 * n)
}

/** Slope of the mapping: /10 points per 1–5 point (2.5 linear, 2 proportional, 2.25 anchored10). */
export function score10Slope(mapping: ScaleMapping = 'linear'): number {
  if (mapping === 'proportional') return 2
  if (mapping === 'anchored10') return 9 / 4
  return 2.5
}

/**
 * The /100 index (METHODOLOGY §1): linear `(m − 1)/4 × 100` and proportional `20m`, i.e. always
 * 10 × the /10 score. `anchored10` has no /100 form, so it yields `null`.
 */
export function toIndex100(
  score10: number | null,
  mapping: ScaleMapping = 'linear',
): number | null {
  if (score10 === null || mapping === 'anchored10') return null
  return score10 * 10
}

/**
 * Band of a /10 score (METHODOLOGY §3): `strength` x ≥ 8, `adequate` 7 ≤ x < 8, `concern` x < 7;
 * cut-offs configurable.
 */
export function band(score10: number | null, cutOffs: CutOffs = defaultCutOffs): Band | null {
  if (score10 === null) return null
  if (score10 >= cutOffs.strength) return 'strength'
  if (score10 >= cutOffs.adequate) return 'adequate'
  return 'concern'
}

export interface FlagInput {
  readonly n: number
  readonly missing: number
  readonly score10Low: number | null
  readonly score10High: number | null
}

export interface FlagThresholds {
  readonly cutOffs: CutOffs
  readonly lowBase: number
  readonly maxHalfWidth: number
  readonly maxMissingShare: number
}

/**
 * Uncertainty flags of one item (METHODOLOGY §3, §6.6), CI on /10:
 * `bandUncertain` when `lo < c ≤ hi` for a cut-off c; `insufficientPrecision` when the half-width
 * `(hi − lo)/2 > 1.0`; `lowBase` when `n < 30`; `highMissing` when more than 20% of the group's
 * respondents left the item missing. A missing CI (n < 2) sets `lowBase` only.
 */
export function itemFlags(item: FlagInput, th: FlagThresholds): Flag[] {
  const flags: Flag[] = []
  const { score10Low: lo, score10High: hi } = item
  if (lo !== null && hi !== null) {
    if ([th.cutOffs.adequate, th.cutOffs.strength].some((c) => lo < c && c <= hi)) {
      flags.push('bandUncertain')
    }
  }
  if (item.n < th.lowBase) flags.push('lowBase')
  if (lo !== null && hi !== null && (hi - lo) / 2 > th.maxHalfWidth) {
    flags.push('insufficientPrecision')
  }
  const total = item.n + item.missing
  if (total > 0 && item.missing / total > th.maxMissingShare) flags.push('highMissing')
  return flags
}
