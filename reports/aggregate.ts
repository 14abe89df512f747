import { applyIncrement, increment } from './increments'
import { groupKey, layoutFor, type Layout } from './layout'
import type { AggregateSpec, Audience, ResponseRecord, Segment } from './types'

/** Sufficient statistics of one group: integer cells in the audience's {@link Layout} order. */
export interface GroupAggregate {
  readonly audience: Audience
  readonly segment: Segment | null
  readonly cells: readonly number[]
}

/** All groups of a wave (or file), keyed by group key (`customer`, `customer/region=north`). */
export interface Aggregate {
  readonly spec: AggregateSpec
  readonly groups: Readonly<Record<string, GroupAggregate>>
}

/** An aggregate with no responses. */
export function emptyAggregate(spec: AggregateSpec): Aggregate {
  return { spec, groups: {} }
}

/**
 * The groups a response feeds: its audience group, then one group per segment column (those of
 * `spec.segments`, else all its columns in code-point order) with a non-empty value.
 */
export function groupsOf(r: ResponseRecord, spec: AggregateSpec) {
  const columns = spec.segments ?? Object.keys(r.segments).sort()
  const out = [{ key: groupKey(r.audience, null), segment: null as Segment | null }]
  for (const column of columns) {
    const value = r.segments[column]
    if (value === null || value === undefined || value === '') continue
    out.push({ key: groupKey(r.audience, { column, value }), segment: { column, value } })
  }
  return out
}

/**
 * Folds one response into an aggregate. Pure: returns a new aggregate and copies only the groups
 * the response feeds (its audience group and one group per non-empty segment value). Ratings must
 * be integers 1–5 or null; attribute keys must be in the spec for the audience (else RangeError).
 */
export function foldResponse(agg: Aggregate, response: ResponseRecord): Aggregate {
  return foldResponses(agg, [response])
}

/**
 * Folds many responses; the result does not depend on their order. Pure as {@link foldResponse}:
 * each touched group is copied once, then updated in place.
 */
export function foldResponses(agg: Aggregate, responses: readonly ResponseRecord[]): Aggregate {
  const groups: Record<string, GroupAggregate> = { ...agg.groups }
  const layouts: Partial<Record<Audience, Layout>> = {}
  const own = new Set<string>()
  const segmentCc = agg.spec.segmentMultivariate !== false
  for (const r of responses) {
    const layout = (layouts[r.audience] ??= layoutFor(agg.spec, r.audience))
    const inc = increment(r, layout)
    for (const g of groupsOf(r, agg.spec)) {
      let cur = groups[g.key]
      if (cur === undefined || !own.has(g.key)) {
        const cells = cur === undefined ? new Array<number>(layout.size).fill(0) : [...cur.cells]
        cur = groups[g.key] = { audience: r.audience, segment: g.segment, cells }
        own.add(g.key)
      }
      applyIncrement(cur.cells as number[], layout, inc, g.segment === null || segmentCc)
    }
  }
  return { spec: agg.spec, groups }
}

/** Canonical JSON of a spec, for equality checks. */
export function specKey(spec: AggregateSpec): string {
  const attrs = Object.keys(spec.attributes)
    .sort()
    .map((a) => [a, spec.attributes[a as Audience]])
  return JSON.stringify([attrs, spec.segments ?? null, spec.segmentMultivariate !== false])
}

/** Cell-wise sum of two aggregates over the same spec (throws if the specs differ). */
export function mergeAggregates(a: Aggregate, b: Aggregate): Aggregate {
  if (specKey(a.spec) !== specKey(b.spec)) {
    throw new Error('cannot merge aggregates of different specs')
  }
  const groups: Record<string, GroupAggregate> = { ...a.groups }
  for (const [key, g] of Object.entries(b.groups)) {
    const cur = groups[key]
    groups[key] = cur === undefined ? g : { ...cur, cells: cur.cells.map((v, i) => v + g.cells[i]) }
  }
  return { spec: a.spec, groups }
}
