import {
  SLOT_N,
  SLOT_N_ATTRIBUTES,
  cellKeys,
  groupKey,
  itemSlot,
  layoutFor,
  parseGroupKey,
  triIndex,
  type Layout,
} from './layout'
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

/** One stored aggregate cell, or the increment one response adds to it. */
export interface CellRow {
  readonly group: string
  readonly cell: string
  readonly value: number
}

/** An aggregate with no responses. */
export function emptyAggregate(spec: AggregateSpec): Aggregate {
  return { spec, groups: {} }
}

function rating(v: unknown, what: string): number | null {
  if (v === null || v === undefined) return null
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
    throw new RangeError(`${what}: rating must be an integer 1–5 or null (got ${String(v)})`)
  }
  return v
}

/** Sparse increments (slot, value) one response adds to every group it feeds. */
function increments(r: ResponseRecord, layout: Layout): { slots: number[]; values: number[] } {
  const slots = [SLOT_N]
  const values = [1]
  const add = (slot: number, value: number) => (slots.push(slot), values.push(value))
  for (const key of Object.keys(r.attributes)) {
    if (!Object.hasOwn(layout.index, key)) throw new RangeError(`unknown attribute "${key}" for ${r.audience}`)
  }
  for (const key of Object.keys(r.importance ?? {})) {
    if (!Object.hasOwn(layout.index, key)) throw new RangeError(`unknown importance "${key}" for ${r.audience}`)
  }
  const o = rating(r.overall, 'overall')
  const rb = rating(r.rebuy, 'rebuy')
  const k = layout.attributes.length
  const attrs = layout.attributes.map((key) => rating(r.attributes[key], key))
  if (attrs.some((v) => v !== null)) add(SLOT_N_ATTRIBUTES, 1)
  if (o !== null) add(itemSlot(0, o), 1)
  if (rb !== null) add(itemSlot(1, rb), 1)
  attrs.forEach((v, j) => v !== null && add(itemSlot(2 + j, v), 1))
  layout.attributes.forEach((key, j) => {
    const v = rating(r.importance?.[key], `importance of ${key}`)
    if (v !== null) add(itemSlot(2 + k + j, v), 1)
  })
  if (o !== null && rb !== null) add(layout.pair + 5 * (o - 1) + rb - 1, 1)
  if (o !== null && attrs.every((v) => v !== null)) {
    const x = [o, ...(attrs as number[])]
    add(layout.cc, 1)
    x.forEach((xi, i) => add(layout.cc + 1 + i, xi))
    const base = layout.cc + 1 + x.length
    x.forEach((xi, i) => {
      for (let j = i; j < x.length; j++) add(base + triIndex(i, j, x.length), xi * x[j])
    })
  }
  return { slots, values }
}

/** The groups a response feeds: its audience group, then one per segment column it carries. */
function groupsOf(r: ResponseRecord, spec: AggregateSpec) {
  const columns = spec.segments ?? Object.keys(r.segments).sort()
  const out = [{ key: groupKey(r.audience, null), segment: null as Segment | null }]
  for (const column of columns) {
    const value = r.segments[column]
    if (value === null || value === undefined || value === '') continue
    out.push({ key: groupKey(r.audience, { column, value }), segment: { column, value } })
  }
  return out
}

function foldInto(
  groups: Record<string, GroupAggregate>,
  r: ResponseRecord,
  spec: AggregateSpec,
  layouts: Partial<Record<Audience, Layout>>,
  copied: Set<string>,
) {
  const layout = (layouts[r.audience] ??= layoutFor(spec, r.audience))
  const inc = increments(r, layout)
  for (const g of groupsOf(r, spec)) {
    let cur = groups[g.key]
    if (cur === undefined || !copied.has(g.key)) {
      const cells = cur === undefined ? new Array<number>(layout.size).fill(0) : [...cur.cells]
      cur = { audience: r.audience, segment: g.segment, cells }
      groups[g.key] = cur
      copied.add(g.key)
    }
    const cells = cur.cells as number[]
    inc.slots.forEach((s, i) => (cells[s] += inc.values[i]))
  }
}

/**
 * Folds one response into an aggregate. Pure: returns a new aggregate, copying only the groups the
 * response feeds (the audience group and one group per non-empty segment value). Ratings must be
 * integers 1–5 or null; attribute keys must be in the spec for the audience (else RangeError).
 */
export function foldResponse(agg: Aggregate, response: ResponseRecord): Aggregate {
  return foldResponses(agg, [response])
}

/** Folds many responses (same result as folding one by one, in any order). */
export function foldResponses(agg: Aggregate, responses: readonly ResponseRecord[]): Aggregate {
  const groups = { ...agg.groups }
  const layouts: Partial<Record<Audience, Layout>> = {}
  const copied = new Set<string>()
  for (const r of responses) foldInto(groups, r, agg.spec, layouts, copied)
  return { spec: agg.spec, groups }
}

function specKey(spec: AggregateSpec): string {
  const attrs = Object.keys(spec.attributes)
    .sort()
    .map((a) => [a, spec.attributes[a as Audience]])
  return JSON.stringify([attrs, spec.segments ?? null])
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

/**
 * The increments one response adds, as flat rows `{ group, cell, value }` with integer values and
 * deterministic plain-string keys (see {@link Layout} for the cell scheme). Summing these rows
 * per (group, cell) over any set of responses, in any order, and reading them back with
 * {@link aggregatesFromCells} gives exactly {@link foldResponses} of the same responses.
 */
export function aggregateDeltas(response: ResponseRecord, spec: AggregateSpec): CellRow[] {
  const layout = layoutFor(spec, response.audience)
  const inc = increments(response, layout)
  const keys = cellKeys(layout)
  const order = inc.slots.map((_, i) => i).sort((x, y) => inc.slots[x] - inc.slots[y])
  return groupsOf(response, spec).flatMap((g) =>
    order.map((i) => ({ group: g.key, cell: keys[inc.slots[i]], value: inc.values[i] })),
  )
}

/**
 * Sums rows per (group, cell), e.g. the deltas of a batch of responses before one upsert each;
 * rows summing to 0 are dropped. Output sorted by group, then cell (code-point order).
 */
export function sumCellRows(rows: readonly CellRow[]): CellRow[] {
  const acc: Record<string, Record<string, number>> = {}
  for (const { group, cell, value } of rows) {
    const g = (acc[group] ??= {})
    g[cell] = (Object.hasOwn(g, cell) ? g[cell] : 0) + value
  }
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return Object.keys(acc)
    .sort(byCode)
    .flatMap((group) =>
      Object.keys(acc[group])
        .sort(byCode)
        .flatMap((cell) => (acc[group][cell] === 0 ? [] : [{ group, cell, value: acc[group][cell] }])),
    )
}

/** Every non-zero cell of an aggregate as rows (groups and cells in a deterministic order). */
export function aggregateCells(agg: Aggregate): CellRow[] {
  const layouts: Partial<Record<Audience, string[]>> = {}
  return Object.keys(agg.groups)
    .sort()
    .flatMap((key) => {
      const g = agg.groups[key]
      const keys = (layouts[g.audience] ??= cellKeys(layoutFor(agg.spec, g.audience)))
      return g.cells.flatMap((value, i) => (value === 0 ? [] : [{ group: key, cell: keys[i], value }]))
    })
}

/**
 * Rebuilds an aggregate from stored rows (any order; rows with the same group and cell are
 * summed). Throws on a malformed group key, a cell that is not in the spec's layout, or a value
 * that is not a safe integer.
 */
export function aggregatesFromCells(rows: readonly CellRow[], spec: AggregateSpec): Aggregate {
  const slotMaps: Partial<Record<Audience, Record<string, number>>> = {}
  const groups: Record<string, GroupAggregate> = {}
  for (const row of rows) {
    if (!Number.isSafeInteger(row.value)) throw new RangeError(`cell ${row.cell} is not an integer`)
    let g = groups[row.group]
    if (g === undefined) {
      const { audience, segment } = parseGroupKey(row.group)
      g = { audience, segment, cells: new Array<number>(layoutFor(spec, audience).size).fill(0) }
      groups[row.group] = g
    }
    const slots = (slotMaps[g.audience] ??= Object.fromEntries(
      cellKeys(layoutFor(spec, g.audience)).map((key, i) => [key, i]),
    ))
    const slot = Object.hasOwn(slots, row.cell) ? slots[row.cell] : undefined
    if (slot === undefined) throw new RangeError(`unknown cell "${row.cell}" in group ${row.group}`)
    ;(g.cells as number[])[slot] += row.value
  }
  return { spec, groups }
}
