import { groupsOf, type Aggregate, type GroupAggregate } from './aggregate'
import { increment, incrementSlots } from './increments'
import { BLOCK_WIDTH, cellKeys, layoutFor, parseGroupKey, type Layout } from './layout'
import type { AggregateSpec, Audience, ResponseRecord } from './types'

/**
 * One stored block of a group's cells, or the increment one response adds to it: `values[i]` is
 * cell `block · BLOCK_WIDTH + i` of the group's {@link Layout} (length BLOCK_WIDTH; zeros past
 * the layout's end).
 */
export interface CellBlock {
  readonly group: string
  readonly block: number
  readonly values: readonly number[]
}

/** The slots of an increment cut into blocks (only blocks with a non-zero value). */
function toBlocks(slots: readonly number[], values: readonly number[]) {
  const out: { block: number; values: number[] }[] = []
  let cur: { block: number; values: number[] } | null = null
  for (let i = 0; i < slots.length; i++) {
    const block = (slots[i]! / BLOCK_WIDTH) | 0
    if (cur === null || cur.block !== block) {
      // slots ascend within the counts and within the complete-case part, which follows them
      cur = out.find((b) => b.block === block) ?? null
      if (cur === null) {
        cur = { block, values: new Array<number>(BLOCK_WIDTH).fill(0) }
        out.push(cur)
      }
    }
    cur.values[slots[i]! - block * BLOCK_WIDTH] += values[i]!
  }
  return out.sort((a, b) => a.block - b.block)
}

/**
 * A function returning the increments one response adds, as blocks `{ group, block, values }`:
 * a few per group fed (its audience group and one per non-empty segment value), integer values.
 * Layouts are computed once per audience and reused. Summing the blocks per (group, block) over
 * any responses, in any order, and reading them back with {@link aggregatesFromBlocks} gives
 * exactly `foldResponses` of the same responses. Groups with the same increment share one
 * (read-only) `values` array.
 */
export function blockEncoder(spec: AggregateSpec): (response: ResponseRecord) => CellBlock[] {
  const layouts: Partial<Record<Audience, Layout>> = {}
  const segmentCc = spec.segmentMultivariate !== false
  return (response) => {
    const layout = (layouts[response.audience] ??= layoutFor(spec, response.audience))
    const inc = increment(response, layout)
    const f = incrementSlots(layout, inc, true)
    const full = toBlocks(f.slots, f.values)
    let small = full
    if (!segmentCc) {
      const s = incrementSlots(layout, inc, false)
      small = toBlocks(s.slots, s.values)
    }
    const out: CellBlock[] = []
    for (const g of groupsOf(response, spec)) {
      for (const b of g.segment === null ? full : small) {
        out.push({ group: g.key, block: b.block, values: b.values })
      }
    }
    return out
  }
}

/** The increments of one response as blocks; see {@link blockEncoder}. */
export function aggregateBlockDeltas(response: ResponseRecord, spec: AggregateSpec): CellBlock[] {
  return blockEncoder(spec)(response)
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byGroupBlock = (a: CellBlock, b: CellBlock) => byCode(a.group, b.group) || a.block - b.block

/**
 * Sums blocks per (group, block), e.g. the deltas of a batch of responses before one upsert each;
 * blocks summing to all zeros are dropped. Output sorted by group (code-point order), then block.
 */
export function sumBlocks(rows: readonly CellBlock[]): CellBlock[] {
  const acc = new Map<string, { group: string; block: number; values: number[] }>()
  for (const r of rows) {
    const key = `${r.block}\u0000${r.group}`
    let cur = acc.get(key)
    if (!cur) acc.set(key, (cur = { ...r, values: new Array<number>(BLOCK_WIDTH).fill(0) }))
    for (let i = 0; i < r.values.length; i++) cur.values[i] += r.values[i]!
  }
  return [...acc.values()].filter((r) => r.values.some((v) => v !== 0)).sort(byGroupBlock)
}

/** Every block of an aggregate with a non-zero cell, sorted by group, then block. */
export function aggregateBlocks(agg: Aggregate): CellBlock[] {
  const out: CellBlock[] = []
  for (const group of Object.keys(agg.groups).sort(byCode)) {
    const cells = agg.groups[group]!.cells
    for (let block = 0; block * BLOCK_WIDTH < cells.length; block++) {
      const values = new Array<number>(BLOCK_WIDTH).fill(0)
      for (let i = 0; i < BLOCK_WIDTH && block * BLOCK_WIDTH + i < cells.length; i++)
        values[i] = cells[block * BLOCK_WIDTH + i]!
      if (values.some((v) => v !== 0)) out.push({ group, block, values })
    }
  }
  return out
}

/**
 * Rebuilds an aggregate from stored blocks (any order; blocks with the same group and block are
 * summed). Throws on a malformed group key, a non-zero value past the end of the spec's layout,
 * or a value that is not a safe integer.
 */
export function aggregatesFromBlocks(rows: readonly CellBlock[], spec: AggregateSpec): Aggregate {
  const sizes: Partial<Record<Audience, number>> = {}
  const groups: Record<string, GroupAggregate> = {}
  for (const row of rows) {
    let g = groups[row.group]
    if (g === undefined) {
      const { audience, segment } = parseGroupKey(row.group)
      const size = (sizes[audience] ??= layoutFor(spec, audience).size)
      g = groups[row.group] = { audience, segment, cells: new Array<number>(size).fill(0) }
    }
    const cells = g.cells as number[]
    const base = row.block * BLOCK_WIDTH
    if (!Number.isSafeInteger(row.block) || row.block < 0)
      throw new RangeError(`bad block ${row.block} in group ${row.group}`)
    for (let i = 0; i < row.values.length; i++) {
      const v = row.values[i]!
      if (!Number.isSafeInteger(v))
        throw new RangeError(`cell ${base + i} of group ${row.group} is not an integer`)
      if (v === 0) continue
      if (base + i >= cells.length)
        throw new RangeError(`cell ${base + i} is past the layout of group ${row.group}`)
      cells[base + i] += v
    }
  }
  return { spec, groups }
}

/**
 * One cell in the string-keyed format aggregates were stored in before blocks (cell keys in
 * layout.ts): kept to convert old rows, and as a readable form of an aggregate.
 */
export interface CellRow {
  readonly group: string
  readonly cell: string
  readonly value: number
}

/** Every non-zero cell of an aggregate as string-keyed rows, sorted by group, then cell. */
export function aggregateCells(agg: Aggregate): CellRow[] {
  const keys: Partial<Record<Audience, string[]>> = {}
  return Object.keys(agg.groups)
    .sort(byCode)
    .flatMap((group) => {
      const g = agg.groups[group]
      const k = (keys[g.audience] ??= cellKeys(layoutFor(agg.spec, g.audience)))
      const rows = g.cells.flatMap((value, i) =>
        value === 0 ? [] : [{ group, cell: k[i], value }],
      )
      return rows.sort((a, b) => byCode(a.cell, b.cell))
    })
}

/**
 * Rebuilds an aggregate from string-keyed rows (any order; rows with the same group and cell are
 * summed): the decoder of the storage format before blocks. Throws on a malformed group key, a
 * cell that is not in the spec's layout, or a value that is not a safe integer.
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
