import { SLOT_N, SLOT_N_ATTRIBUTES, itemSlot, type Layout } from './layout'
import type { ResponseRecord } from './types'

/** What one response adds to each group it feeds (all increments are integers). */
export interface Increment {
  /** Slots that each grow by 1 (n, value counts, the overall × rebuy cell). */
  readonly counts: readonly number[]
  /** The complete case [overall, ...attributes], or null when any of them is missing. */
  readonly x: readonly number[] | null
  /** Every attribute, when all are answered (the battery case; overall may be missing). */
  readonly battery: readonly number[] | null
}

function rating(v: unknown, what: string): number | null {
  if (v === null || v === undefined) return null
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
    throw new RangeError(`${what}: rating must be an integer 1–5 or null (got ${String(v)})`)
  }
  return v
}

function checkKeys(values: object | undefined, layout: Layout, what: string) {
  if (values === undefined) return
  for (const key of Object.keys(values)) {
    if (!Object.hasOwn(layout.index, key)) {
      throw new RangeError(`unknown ${what} "${key}" for ${layout.audience}`)
    }
  }
}

/**
 * The increments of one validated response under its audience's layout. Ratings must be integers
 * 1–5 or null/absent; attribute and importance keys must be in the layout (RangeError otherwise).
 */
export function increment(r: ResponseRecord, layout: Layout): Increment {
  checkKeys(r.attributes, layout, 'attribute')
  checkKeys(r.importance, layout, 'importance')
  const o = rating(r.overall, 'overall')
  const rb = rating(r.rebuy, 'rebuy')
  const k = layout.attributes.length
  const counts = [SLOT_N]
  const attrs: (number | null)[] = []
  let answered = 0
  for (let j = 0; j < k; j++) {
    const key = layout.attributes[j]
    const v = rating(r.attributes[key], key)
    attrs.push(v)
    if (v !== null) (answered++, counts.push(itemSlot(2 + j, v)))
    const imp = rating(r.importance?.[key], `importance of ${key}`)
    if (imp !== null) counts.push(itemSlot(2 + k + j, imp))
  }
  if (answered > 0) counts.push(SLOT_N_ATTRIBUTES)
  if (o !== null) counts.push(itemSlot(0, o))
  if (rb !== null) counts.push(itemSlot(1, rb))
  if (o !== null && rb !== null) counts.push(layout.pair + 5 * (o - 1) + rb - 1)
  const battery = k > 0 && answered === k ? (attrs as number[]) : null
  const x = o !== null && answered === k ? [o, ...(attrs as number[])] : null
  return { counts: counts.sort((a, b) => a - b), x, battery }
}

/** Adds an increment to a group's cells in place; `multivariate` false skips the cc block. */
export function applyIncrement(
  cells: number[],
  layout: Layout,
  inc: Increment,
  multivariate: boolean,
) {
  for (const slot of inc.counts) cells[slot] += 1
  if (!multivariate) return
  const b = batterySlots(layout, inc.battery)
  for (let i = 0; i < b.slots.length; i++) cells[b.slots[i]] += b.values[i]
  const x = inc.x
  if (x === null) return
  const size = x.length
  cells[layout.cc] += 1
  const sums = layout.cc + 1
  let slot = sums + size
  for (let i = 0; i < size; i++) {
    const xi = x[i]
    cells[sums + i] += xi
    for (let j = i; j < size; j++) cells[slot++] += xi * x[j]
  }
}

/** The increment as sparse parallel arrays (slot, value), slots ascending. */
export function incrementSlots(layout: Layout, inc: Increment, multivariate: boolean) {
  const slots = [...inc.counts]
  const values = slots.map(() => 1)
  if (!multivariate) return { slots, values }
  const b = batterySlots(layout, inc.battery)
  const x = inc.x
  if (x === null) return { slots: [...slots, ...b.slots], values: [...values, ...b.values] }
  const size = x.length
  slots.push(layout.cc)
  values.push(1)
  for (let i = 0; i < size; i++) (slots.push(layout.cc + 1 + i), values.push(x[i]))
  let slot = layout.cc + 1 + size
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) (slots.push(slot++), values.push(x[i] * x[j]))
  }
  return { slots: [...slots, ...b.slots], values: [...values, ...b.values] }
}

/** The battery block's additions (see Layout): n, Σx and Σx² per attribute, ΣT and ΣT². */
export function batterySlots(layout: Layout, a: readonly number[] | null) {
  if (a === null) return { slots: [] as number[], values: [] as number[] }
  const k = a.length
  const base = layout.battery
  const t = a.reduce((s, v) => s + v, 0)
  const slots = [base]
  const values = [1]
  for (let j = 0; j < k; j++) (slots.push(base + 1 + j), values.push(a[j]))
  for (let j = 0; j < k; j++) (slots.push(base + 1 + k + j), values.push(a[j] * a[j]))
  slots.push(base + 1 + 2 * k, base + 2 + 2 * k)
  values.push(t, t * t)
  return { slots, values }
}
