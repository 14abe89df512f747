import { complementarySuppression } from './anonymity'
import { meanCi, momentsFromCounts, type MeanCi } from './descriptives'
import { topTwoBox, type Proportion } from './proportions'
import { band, defaultCutOffs, toScore10 } from './scale'
import type { Band, CutOffs, ScaleMapping } from './types'

/** Counts per value 1..5 of each attitude item, for one group (the wave, or one breakout). */
export interface AttitudeCounts {
  readonly group: string
  readonly parent: string | null
  readonly items: Readonly<Record<string, readonly number[]>>
}

export interface AttitudeRow {
  readonly key: string
  readonly n: number
  readonly mean: MeanCi | null
  readonly score10: number | null
  readonly band: Band | null
  readonly top2: Proportion | null
  /** Why the item is withheld for this group (anonymity), or null. */
  readonly suppressed: string | null
}

export interface AttitudeGroup {
  readonly group: string
  readonly rows: readonly AttitudeRow[]
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/**
 * The HR attitude table (job satisfaction, pride, training, …): per group and item the n, mean
 * with its 95% t-interval, the /10 score and band, and top-2-box with its Wilson interval
 * (METHODOLOGY §6.1, §6.2). Employee answers are anonymous (§7.2): an item answered by 1..k−1
 * people of a group is withheld, and within one parent an item of a breakout is also withheld
 * when it could be recovered by subtraction (complementary suppression on the item's counts).
 */
export function attitudeTable(
  groups: readonly AttitudeCounts[],
  keys: readonly string[],
  o: { minGroup: number; scale?: ScaleMapping; cutOffs?: CutOffs },
): AttitudeGroup[] {
  const k = o.minGroup
  const shown = new Map<string, Set<string>>()
  for (const key of keys) {
    const n = (g: AttitudeCounts) => sum(g.items[key] ?? [])
    const visible = new Set(
      groups.filter((g) => g.parent === null && n(g) >= k).map((g) => g.group),
    )
    for (const parent of groups.filter((g) => visible.has(g.group))) {
      const breakouts = groups.filter((g) => g.parent === parent.group)
      const kept = complementarySuppression(
        n(parent),
        breakouts.map((b) => ({ key: b.group, n: n(b) })),
        k,
      )
      for (const b of kept) visible.add(b)
    }
    shown.set(key, visible)
  }
  return groups.map((g) => ({
    group: g.group,
    rows: keys.map((key): AttitudeRow => {
      const counts = g.items[key] ?? [0, 0, 0, 0, 0]
      const n = sum(counts)
      if (n > 0 && !shown.get(key)!.has(g.group))
        return {
          key,
          n: 0,
          mean: null,
          score10: null,
          band: null,
          top2: null,
          suppressed: `anonymity: fewer than ${k} answers here or in the rest of the group`,
        }
      const m = n > 0 ? meanCi(momentsFromCounts(counts)) : null
      const score10 = toScore10(m?.mean ?? null, o.scale)
      return {
        key,
        n,
        mean: m,
        score10,
        band: band(score10, o.cutOffs ?? defaultCutOffs),
        top2: n > 0 ? topTwoBox(counts) : null,
        suppressed: null,
      }
    }),
  }))
}
