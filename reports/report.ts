import { emptyAggregate, foldResponses, type Aggregate, type GroupAggregate } from './aggregate'
import { nothingHidden, type Hidden } from './attributes'
import { perceptionGaps, type GapInput, type GapRow } from './gaps'
import { buildGroup, keysFor, suppressedGroup, type Ctx } from './group-report'
import { groupStats, type GroupStats } from './group-stats'
import { groupKey, layoutFor, type Layout } from './layout'
import { resolveOptions } from './options'
import type { Report } from './report-types'
import {
  audiences,
  type AggregateSpec,
  type Audience,
  type ReportOptions,
  type ResolvedOptions,
  type ResponseRecord,
  type Segment,
} from './types'
import { breakoutDecisions, hiddenItems } from './visibility'

/**
 * The CSI report of SPEC §5.4 from aggregates: per audience (and per `by` segment value) the CSI,
 * the attribute table with importance and IPA quadrants, and the perception gaps of each compared
 * audience pair (default employee vs customer). Anonymous audiences (employees) follow
 * METHODOLOGY §7: a group or item with fewer than k respondents, or whose complement within its
 * parent is below k, is suppressed. Numbers are not rounded.
 */
export function reportFromAggregates(agg: Aggregate, options: ReportOptions = {}): Report {
  const o = resolveOptions(options)
  const ctx: Ctx = { o, rates: options.responseRates }
  const groups: Report['groups'] = []
  const warnings: string[] = []
  const shown: Shown = {}
  for (const audience of audiences) {
    const parent = agg.groups[groupKey(audience, null)]
    if (parent === undefined) continue
    const layout = layoutFor(agg.spec, audience)
    const keys = keysFor(layout, o)
    const s = groupStats(parent, layout)
    const anon = o.anonymousAudiences.includes(audience)
    const k = o.minGroup
    const visible = !anon || s.n >= k
    const h = anon ? hiddenItems(s, keys, k) : nothingHidden
    shown[audience] = { s, layout, h: visible ? h : null }
    groups.push(
      visible
        ? buildGroup(audience, null, s, keys, h, ctx)
        : suppressedGroup(audience, null, `anonymity: fewer than ${k} respondents`),
    )
    for (const column of o.by) {
      const breakouts = Object.entries(agg.groups)
        .filter(([, g]) => g.audience === audience && g.segment?.column === column)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, g]) => ({
          key,
          g: g as GroupAggregate & { segment: Segment },
          stats: groupStats(g, layout),
        }))
      if (breakouts.length === 0 && agg.spec.segments && !agg.spec.segments.includes(column)) {
        warnings.push(`segment column "${column}" is not aggregated`)
      }
      const decisions = anon
        ? breakoutDecisions(s, breakouts, keys, k)
        : breakouts.map((b) => ({ key: b.key, hidden: nothingHidden }))
      const noMv = agg.spec.segmentMultivariate === false ? 'not aggregated for segments' : null
      breakouts.forEach((b, i) => {
        const d = visible ? decisions[i].hidden : null
        const hb = d && noMv ? { ...d, multivariate: d.multivariate ?? noMv } : d
        groups.push(
          hb
            ? buildGroup(audience, b.g.segment, b.stats, keys, hb, ctx)
            : suppressedGroup(
                audience,
                b.g.segment,
                `anonymity: fewer than ${k} respondents in the breakout or in the rest of its parent`,
              ),
        )
      })
    }
  }
  const gaps = comparisons(shown, o, warnings)
  return {
    scale: { min: 1, max: 5, mapping: o.scale },
    csiDefinition: o.csi,
    config: o,
    groups,
    gaps,
    warnings,
  }
}

type Shown = Partial<Record<Audience, { s: GroupStats; layout: Layout; h: Hidden | null }>>

/**
 * Perception gaps of every compared audience pair (default employee vs customer when both
 * exist), over the attribute keys both audiences ask; hidden employee items are suppressed.
 */
function comparisons(shown: Shown, o: ResolvedOptions, warnings: string[]): GapRow[] {
  const both = shown.employee && shown.customer
  const pairs = o.compare ?? (both ? [['employee', 'customer'] as const] : [])
  const gaps: GapRow[] = []
  for (const [a, b] of pairs) {
    const A = shown[a]
    const B = shown[b]
    if (!A || !B) {
      warnings.push(`comparison ${a}:${b} skipped: no ${A ? b : a} responses`)
      continue
    }
    const keys = keysFor(A.layout, o).filter((key) => Object.hasOwn(B.layout.index, key))
    const hiddenReason = (x: typeof A, key: string) =>
      x.h === null
        ? 'anonymity: group suppressed'
        : Object.hasOwn(x.h.attributes, key)
          ? x.h.attributes[key]
          : null
    const items = keys.map((key): GapInput => ({
      key,
      a: A.s.attributes[key],
      b: B.s.attributes[key],
      suppressed: hiddenReason(A, key) ?? hiddenReason(B, key),
    }))
    gaps.push(
      ...perceptionGaps(items, a, b, {
        thresholds: o.gapThresholds,
        pAdjust: o.pAdjust,
        mapping: o.scale,
      }),
    )
  }
  return gaps
}

/**
 * A spec from raw responses: per audience the sorted union of attribute (and importance) keys its
 * responses carry, so the raw path is independent of response order.
 */
export function specFromResponses(
  responses: readonly ResponseRecord[],
  segments?: readonly string[],
): AggregateSpec {
  const seen: Partial<Record<Audience, Set<string>>> = {}
  for (const r of responses) {
    const set = (seen[r.audience] ??= new Set())
    for (const key of Object.keys(r.attributes)) set.add(key)
    for (const key of Object.keys(r.importance ?? {})) set.add(key)
  }
  const attributes: Partial<Record<Audience, string[]>> = {}
  for (const a of audiences) if (seen[a]) attributes[a] = [...seen[a]].sort()
  return segments === undefined ? { attributes } : { attributes, segments }
}

/**
 * The raw path: fold every response (spec from {@link specFromResponses} unless given), then
 * {@link reportFromAggregates}. Gives exactly the numbers of the aggregate path.
 */
export function reportFromResponses(
  responses: readonly ResponseRecord[],
  options: ReportOptions = {},
  spec?: AggregateSpec,
): Report {
  const s = spec ?? specFromResponses(responses, options.by ?? [])
  return reportFromAggregates(foldResponses(emptyAggregate(s), responses), options)
}
