import type { Aggregate, GroupAggregate } from './aggregate'
import { batterySlots } from './increments'
import { SLOT_N, SLOT_N_ATTRIBUTES, groupKey, itemSlot, layoutFor, type Layout } from './layout'
import type { AggregateSpec, Audience, ResponseRecord, Segment } from './types'

const ZERO = 48 // char code of '0'

/**
 * A response as one compact string: a digit per rating item in layout order (overall, rebuy,
 * each attribute, each stated importance; '0' = missing), then the JSON array of its values for
 * `spec.segments` (null where empty). Stored beside each response, it lets a rebuild fold a
 * million responses without parsing SurveyJS answers. Valid only under the spec it was made with.
 */
export function ratingCode(r: ResponseRecord, spec: AggregateSpec): string {
  const keys = spec.attributes[r.audience] ?? []
  let code = `${r.overall ?? 0}${r.rebuy ?? 0}`
  for (const k of keys) code += r.attributes[k] ?? 0
  for (const k of keys) code += r.importance?.[k] ?? 0
  const segments = (spec.segments ?? []).map((c) => {
    const v = r.segments[c]
    return v === undefined || v === '' ? null : v
  })
  return code + JSON.stringify(segments)
}

/**
 * The inverse of {@link ratingCode} under the same spec: the response's ratings and segment
 * values (importance answers included). Throws on a code that does not fit the spec.
 */
export function decodeRatingCode(
  code: string,
  audience: Audience,
  spec: AggregateSpec,
): ResponseRecord {
  const keys = spec.attributes[audience] ?? []
  const digits = 2 + 2 * keys.length
  if (code.length <= digits || code.charCodeAt(digits) !== 91)
    throw new RangeError(`rating code "${code}" does not fit the ${audience} layout`)
  const at = (i: number) => {
    const v = code.charCodeAt(i) - ZERO
    if (!(v >= 0 && v <= 5))
      throw new RangeError(`rating code "${code}" does not fit the ${audience} layout`)
    return v === 0 ? null : v
  }
  const values = JSON.parse(code.slice(digits)) as (string | null)[]
  const segments: Record<string, string | null> = {}
  ;(spec.segments ?? []).forEach((c, i) => (segments[c] = values[i] ?? null))
  return {
    audience,
    overall: at(0),
    rebuy: at(1),
    attributes: Object.fromEntries(keys.map((k, j) => [k, at(2 + j)])),
    importance: Object.fromEntries(keys.map((k, j) => [k, at(2 + keys.length + j)])),
    segments,
  }
}

/** Responses folded by audience and segment values, before the roll-up into groups. */
export interface CodeFold {
  readonly partitions: Record<string, { audience: Audience; segments: string; cells: number[] }>
}

export const emptyCodeFold = (): CodeFold => ({ partitions: {} })

function applyCode(cells: number[], layout: Layout, code: string) {
  const k = layout.attributes.length
  const o = code.charCodeAt(0) - ZERO
  const rb = code.charCodeAt(1) - ZERO
  cells[SLOT_N] += 1
  if (o > 0) cells[itemSlot(0, o)] += 1
  if (rb > 0) cells[itemSlot(1, rb)] += 1
  if (o > 0 && rb > 0) cells[layout.pair + 5 * (o - 1) + rb - 1] += 1
  let answered = 0
  for (let i = 2; i < 2 + 2 * k; i++) {
    const v = code.charCodeAt(i) - ZERO
    if (v > 0) ((cells[itemSlot(i, v)] += 1), i < 2 + k && answered++)
  }
  if (answered > 0) cells[SLOT_N_ATTRIBUTES] += 1
  if (answered < k) return
  if (k > 0) {
    const attrs = Array.from({ length: k }, (_, j) => code.charCodeAt(2 + j) - ZERO)
    const b = batterySlots(layout, attrs)
    for (let i = 0; i < b.slots.length; i++) cells[b.slots[i]] += b.values[i]
  }
  if (o === 0) return
  // Complete case: x = [overall, attributes…]; sums and the upper triangle of products.
  const size = k + 1
  const x = (i: number) => (i === 0 ? o : code.charCodeAt(1 + i) - ZERO)
  cells[layout.cc] += 1
  const sums = layout.cc + 1
  let slot = sums + size
  for (let i = 0; i < size; i++) {
    const xi = x(i)
    cells[sums + i] += xi
    for (let j = i; j < size; j++) cells[slot++] += xi * x(j)
  }
}

/**
 * Folds rating codes (see {@link ratingCode}) into `fold`, which it updates in place and returns:
 * the caller owns it for the length of one rebuild. A code that does not fit the spec throws.
 */
export function foldRatingCodes(
  fold: CodeFold,
  spec: AggregateSpec,
  rows: readonly { readonly audience: Audience; readonly code: string }[],
): CodeFold {
  const layouts: Partial<Record<Audience, Layout>> = {}
  for (const { audience, code } of rows) {
    const layout = (layouts[audience] ??= layoutFor(spec, audience))
    const digits = layout.items
    let fits = code.length > digits && code.charCodeAt(digits) === 91 // '['
    for (let i = 0; fits && i < digits; i++) {
      const c = code.charCodeAt(i)
      fits = c >= ZERO && c <= ZERO + 5
    }
    if (!fits) throw new RangeError(`rating code "${code}" does not fit the ${audience} layout`)
    const key = `${audience}${code.slice(digits)}`
    let p = fold.partitions[key]
    if (p === undefined) {
      const cells = new Array<number>(layout.size).fill(0)
      p = fold.partitions[key] = { audience, segments: code.slice(digits), cells }
    }
    applyCode(p.cells, layout, code)
  }
  return fold
}

/**
 * The aggregate of a code fold: each partition is added to its audience group and to one group
 * per non-empty segment value. Equals folding the decoded responses with `foldResponses`.
 */
export function aggregateFromCodeFold(fold: CodeFold, spec: AggregateSpec): Aggregate {
  const columns = spec.segments ?? []
  const groups: Record<string, GroupAggregate> = {}
  for (const p of Object.values(fold.partitions)) {
    const values = JSON.parse(p.segments) as (string | null)[]
    const segments: (Segment | null)[] = [null]
    columns.forEach((column, i) => {
      const value = values[i]
      if (value !== null && value !== undefined && value !== '') segments.push({ column, value })
    })
    for (const segment of segments) {
      const key = groupKey(p.audience, segment)
      const g = (groups[key] ??= {
        audience: p.audience,
        segment,
        cells: new Array<number>(p.cells.length).fill(0),
      })
      const cells = g.cells as number[]
      if (segment !== null && spec.segmentMultivariate === false) {
        // Segment groups then keep no complete-case block (see AggregateSpec).
        const layout = layoutFor(spec, p.audience)
        for (let i = 0; i < layout.cc; i++) cells[i] += p.cells[i]
      } else {
        for (let i = 0; i < cells.length; i++) cells[i] += p.cells[i]
      }
    }
  }
  return { spec, groups }
}
