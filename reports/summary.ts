import { meanCi, momentsFromCounts, type Moments } from './descriptives'
import { netSatisfaction, topTwoBox } from './proportions'
import type { ItemSummary } from './report-types'
import { band, itemFlags, ratioToScore10, toScore10 } from './scale'
import type { ResolvedOptions } from './types'

/**
 * Summary of one item in one group (METHODOLOGY §3, §6.1–6.3): available-case n (missing answers
 * excluded and counted in `missing`), mean, SD (n − 1), 95% t-interval, the mean and the CI
 * endpoints mapped to /10, band, flags, and for plain 1–5 items top-2-box (Wilson) and net
 * satisfaction (adjusted Wald). The /10 mean is computed from the exact ratio Σ/n.
 */
export function summarize(
  m: Moments,
  missing: number,
  counts: readonly number[] | null,
  o: ResolvedOptions,
): ItemSummary {
  const ci = meanCi(m)
  const score10 = m.n === 0 ? null : ratioToScore10(m.sum, m.scale * m.n, o.scale)
  // Flags judge the t-interval as computed; what is shown is clamped to the scale (§6.1).
  const flagInput = {
    n: m.n,
    missing,
    score10Low: toScore10(ci.ciLow, o.scale),
    score10High: toScore10(ci.ciHigh, o.scale),
  }
  const ciLow = clampToScale(ci.ciLow)
  const ciHigh = clampToScale(ci.ciHigh)
  return {
    n: m.n,
    missing,
    mean: ci.mean,
    sd: ci.sd,
    ciLow,
    ciHigh,
    score10,
    score10Low: toScore10(ciLow, o.scale),
    score10High: toScore10(ciHigh, o.scale),
    band: band(score10, o.cutOffs),
    flags: m.n === 0 ? [] : itemFlags(flagInput, o),
    t2b: counts === null ? null : topTwoBox(counts),
    net: counts === null ? null : netSatisfaction(counts),
    suppressed: false,
    reason: ci.reason,
  }
}

/**
 * A confidence limit of a 1–5 mean clamped to [1, 5]: a small or skewed sample's t-interval can
 * run past the scale (a /10 limit of 11.12), and no mean can lie there. Null stays null.
 */
export function clampToScale(x: number | null): number | null {
  return x === null ? null : Math.min(5, Math.max(1, x))
}

/** Summary of a 1–5 item from its counts per value; `groupN` is the group's response count. */
export function summarizeCounts(counts: readonly number[], groupN: number, o: ResolvedOptions) {
  const m = momentsFromCounts(counts)
  return summarize(m, groupN - m.n, counts, o)
}

/** A hidden item (anonymity): no statistics at all, not even n. */
export function suppressedSummary(reason: string): ItemSummary {
  return {
    ...{ n: null, missing: null, mean: null, sd: null, ciLow: null, ciHigh: null },
    ...{ score10: null, score10Low: null, score10High: null, band: null, flags: [] },
    ...{ t2b: null, net: null },
    suppressed: true,
    reason,
  }
}
