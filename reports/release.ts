import type { Aggregate } from './aggregate'
import { groupStats } from './group-stats'
import { layoutFor } from './layout'

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/**
 * Answer counts of an aggregate per group and item (`group|n`, `group|overall`,
 * `group|attribute:<key>`, …, `group|complete` for listwise-complete cases): everything whose
 * change between two releases could be pinned on the people who changed it. Only the groups
 * `keep` accepts are counted (those a viewer can be shown).
 */
export function answerCounts(
  agg: Aggregate,
  keep: (groupKey: string) => boolean = () => true,
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [key, g] of Object.entries(agg.groups)) {
    if (!keep(key)) continue
    const s = groupStats(g, layoutFor(agg.spec, g.audience))
    out[`${key}|n`] = s.n
    out[`${key}|overall`] = sum(s.overall)
    out[`${key}|rebuy`] = sum(s.rebuy)
    out[`${key}|pair`] = s.pair.n
    out[`${key}|complete`] = s.complete.n
    for (const [a, counts] of Object.entries(s.attributes))
      out[`${key}|attribute:${a}`] = sum(counts)
    for (const [a, counts] of Object.entries(s.importance))
      out[`${key}|importance:${a}`] = sum(counts)
  }
  return out
}

/**
 * Why a new release of an anonymous wave may not be cut yet (SPEC §6a, METHODOLOGY §7.2): the
 * counts (see {@link answerCounts}) that grew by 1 to k − 1 since the last release. Comparing
 * two releases then only ever shows the change made by at least k people, never by one.
 * Empty: the release may be cut (unless nothing changed at all).
 */
export function releaseBlockers(
  released: Readonly<Record<string, number>>,
  current: Readonly<Record<string, number>>,
  k: number,
): string[] {
  return Object.keys(current)
    .filter((key) => {
      const grew = current[key]! - (released[key] ?? 0)
      return grew > 0 && grew < k
    })
    .sort()
}
