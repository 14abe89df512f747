import { groupsOf, type Aggregate, type GroupAggregate } from './aggregate'
import { increment, incrementSlots } from './increments'
import { cellKeys, layoutFor, parseGroupKey, type Layout } from './layout'
import type { AggregateSpec, Audience, ResponseRecord } from './types'

/** One stored aggregate cell, or the increment one response adds to it. */
export interface CellRow {
  readonly group: string
  readonly cell: string
  readonly value: number
}

/**
 * A function returning the increments one response adds, as flat rows `{ group, cell, value }`:
 * integer values, deterministic plain-string keys (cell scheme in layout.ts). Layouts and cell keys
 * are computed once per audience and reused, so prefer this over {@link aggregateDeltas} on a hot
 * path. Summing the rows per (group, cell) over any responses, in any order, and reading them back
 * with {@link aggregatesFromCells} gives exactly `foldResponses` of the same responses.
 */
export function deltaEncoder(spec: AggregateSpec): (response: ResponseRecord) => CellRow[] {
  const cache: Partial<Record<Audience, { layout: Layout; keys: string[] }>> = {}
  const segmentCc = spec.segmentMultivariate !== false
  return (response) => {
    const c = (cache[response.audience] ??= (() => {
      const layout = layoutFor(spec, response.audience)
      return { layout, keys: cellKeys(layout) }
    })())
    const inc = increment(response, c.layout)
    const full = incrementSlots(c.layout, inc, true)
    const small = segmentCc ? full : incrementSlots(c.layout, inc, false)
    const rows: CellRow[] = []
    // plain loops: this runs once per submission (flatMap + destructuring is ~10× slower)
    for (const g of groupsOf(response, spec)) {
      const { slots, values } = g.segment === null ? full : small
      for (let i = 0; i < slots.length; i++) {
        rows.push({ group: g.key, cell: c.keys[slots[i]], value: values[i] })
      }
    }
    return rows
  }
}

/** The increments of one response as rows; see {@link deltaEncoder}. */
export function aggregateDeltas(response: ResponseRecord, spec: AggregateSpec): CellRow[] {
  return deltaEncoder(spec)(response)
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

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
  return Object.keys(acc)
    .sort(byCode)
    .flatMap((group) =>
      Object.keys(acc[group])
        .sort(byCode)
        .flatMap((cell) =>
          acc[group][cell] === 0 ? [] : [{ group, cell, value: acc[group][cell] }],
        ),
    )
}

/** Every non-zero cell of an aggregate as rows, sorted by group, then cell. */
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
