import { complementarySuppression } from './anonymity'
import type { Hidden } from './attributes'
import type { GroupStats } from './group-stats'

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

type ItemId = { kind: 'overall' | 'rebuy' | 'pair' } | { kind: 'attribute'; key: string }

function itemN(s: GroupStats, item: ItemId): number {
  if (item.kind === 'attribute') return sum(s.attributes[item.key] ?? [])
  if (item.kind === 'overall') return sum(s.overall)
  if (item.kind === 'rebuy') return sum(s.rebuy)
  return s.pair.n
}

function items(keys: readonly string[]): ItemId[] {
  const fixed: ItemId[] = [{ kind: 'overall' }, { kind: 'rebuy' }, { kind: 'pair' }]
  return [...fixed, ...keys.map((key): ItemId => ({ kind: 'attribute', key }))]
}

function build(
  keys: readonly string[],
  reasonOf: (item: ItemId) => string | null,
  mv: string | null,
): Hidden {
  const attributes: Record<string, string> = {}
  for (const key of keys) {
    const r = reasonOf({ kind: 'attribute', key })
    if (r !== null) attributes[key] = r
  }
  return {
    overall: reasonOf({ kind: 'overall' }),
    rebuy: reasonOf({ kind: 'rebuy' }),
    pair: reasonOf({ kind: 'pair' }),
    attributes,
    multivariate: mv,
  }
}

const tooFew = (k: number) => `anonymity: fewer than ${k} answers`

/**
 * Items of an anonymous group (already shown as a whole) with 1..k−1 answers are hidden, as are
 * its listwise statistics with 1..k−1 complete cases (METHODOLOGY §7.2 rule 1, per item). An item
 * nobody answered reveals nothing and is reported as "no answers".
 */
export function hiddenItems(s: GroupStats, keys: readonly string[], k: number): Hidden {
  const mv = multivariateHidden(s, k)
  return build(keys, (item) => (itemN(s, item) > 0 && itemN(s, item) < k ? tooFew(k) : null), mv)
}

export interface BreakoutDecision {
  readonly key: string
  /** null = the breakout is suppressed as a whole. */
  readonly hidden: Hidden | null
}

/**
 * Anonymity decisions for the breakouts of one segment column under an anonymous parent
 * (METHODOLOGY §7.2 rules 1 and 3): complementary suppression on the group sizes, then, for every
 * item, again on the item's answer counts (a group hidden as a whole stays hidden), so that no
 * hidden cell can be recovered by subtracting visible breakouts from the parent.
 */
export function breakoutDecisions(
  parent: GroupStats,
  breakouts: readonly { readonly key: string; readonly stats: GroupStats }[],
  keys: readonly string[],
  k: number,
): BreakoutDecision[] {
  const shown = new Set(
    complementarySuppression(
      parent.n,
      breakouts.map((b) => ({ key: b.key, n: b.stats.n })),
      k,
    ),
  )
  const shownPerItem = new Map<string, Set<string>>()
  for (const item of items(keys)) {
    const cells = breakouts.map((b) => ({
      key: b.key,
      n: itemN(b.stats, item),
      hidden: !shown.has(b.key),
    }))
    const id = item.kind === 'attribute' ? `a:${item.key}` : item.kind
    shownPerItem.set(id, new Set(complementarySuppression(itemN(parent, item), cells, k)))
  }
  return breakouts.map((b) => {
    if (!shown.has(b.key)) return { key: b.key, hidden: null }
    const reasonOf = (item: ItemId) => {
      const id = item.kind === 'attribute' ? `a:${item.key}` : item.kind
      const n = itemN(b.stats, item)
      if (n === 0 || shownPerItem.get(id)?.has(b.key)) return null
      return n < k ? tooFew(k) : 'anonymity: complementary suppression'
    }
    const mv = multivariateHidden(b.stats, k)
    return { key: b.key, hidden: build(keys, reasonOf, mv) }
  })
}

/** Listwise statistics (importance, α) over 1..k−1 complete or battery cases are hidden. */
function multivariateHidden(s: GroupStats, k: number): string | null {
  const few = (n: number) => n > 0 && n < k
  return few(s.complete.n) || few(s.battery.n) ? `anonymity: fewer than ${k} complete cases` : null
}
