import { audiences, type AggregateSpec, type Audience } from './types'

/**
 * Cell layout of one audience's group aggregate. Every cell is an integer count or integer sum:
 *
 * | slot | cell key | value |
 * |---|---|---|
 * | 0 | `n` | responses in the group |
 * | 1 | `n:attributes` | responses with at least one attribute rated |
 * | item·5 + v − 1 (+2) | `v:<item>:<v>` | answers equal to v (1..5) of item `overall`, `rebuy`, `a.<key>` (attribute), `i.<key>` (stated importance) |
 * | pair | `pair:<o>:<r>` | responses with overall = o and rebuy = r (both answered) |
 * | cc | `cc:n` | complete cases: overall and every attribute of the audience answered |
 * | | `cc:s:<var>` | Σ var over complete cases (var = `overall` or `a.<key>`) |
 * | | `cc:p:<var>\|<var>` | Σ var·var over complete cases (upper triangle, diagonal = Σ var²) |
 * | battery | `ab:n` | battery cases: every attribute answered (overall or not) |
 * | | `ab:s:a.<key>`, `ab:q:a.<key>` | Σ x and Σ x² of each attribute over battery cases |
 * | | `ab:t`, `ab:tt` | Σ T and Σ T² of the sum score T = Σ attributes |
 *
 * The battery block gives the attributes' Cronbach α over the respondents who rated every
 * attribute, as METHODOLOGY §6.5 asks; the complete-case block also needs `overall`. It comes
 * last, so aggregates stored before it existed read as zeros there (see GroupStats.battery).
 * Attribute keys are written with `encodeURIComponent`. The complete-case block depends on the
 * audience's attribute list, so changing that list needs a rebuild from raw responses.
 */
export interface Layout {
  readonly audience: Audience
  readonly attributes: readonly string[]
  readonly index: Readonly<Record<string, number>>
  readonly size: number
  readonly items: number
  readonly pair: number
  readonly cc: number
  readonly battery: number
}

/**
 * Counters per stored block: a group's cells, in layout order, are stored cut into blocks of this
 * many (block b holds slots b·BLOCK_WIDTH … b·BLOCK_WIDTH + BLOCK_WIDTH − 1), so one response
 * writes a few rows per group, not one row per cell. 96 counters + wave, group, block = 99 bound
 * parameters, under D1's 100.
 */
export const BLOCK_WIDTH = 96

/** Slot of the response count `n`. */
export const SLOT_N = 0
/** Slot of `n:attributes` (responses with at least one attribute rated). */
export const SLOT_N_ATTRIBUTES = 1
const ITEMS = 2

/** Slot of value v (1..5) of item i (0 overall, 1 rebuy, 2+j attribute j, 2+k+j importance j). */
export const itemSlot = (i: number, v: number): number => ITEMS + i * 5 + v - 1

/** Index into the packed upper triangle (i ≤ j) of a K×K symmetric matrix. */
export const triIndex = (i: number, j: number, size: number): number =>
  i * size - (i * (i - 1)) / 2 + (j - i)

/** The cell layout of an audience under a spec (slots computed from its attribute list). */
export function layoutFor(spec: AggregateSpec, audience: Audience): Layout {
  const attributes = spec.attributes[audience] ?? []
  const k = attributes.length
  if (new Set(attributes).size !== k) throw new Error(`duplicate attribute key for ${audience}`)
  const index: Record<string, number> = Object.fromEntries(attributes.map((key, j) => [key, j]))
  const pair = ITEMS + 5 * (2 + 2 * k)
  const cc = pair + 25
  const vars = k + 1
  const battery = cc + 1 + vars + (vars * (vars + 1)) / 2
  const size = battery + 3 + 2 * k
  return { audience, attributes, index, size, items: 2 + 2 * k, pair, cc, battery }
}

/** The cell key of every slot of a layout (see {@link Layout}). */
export function cellKeys(layout: Layout): string[] {
  const enc = layout.attributes.map((a) => encodeURIComponent(a))
  const items = ['overall', 'rebuy', ...enc.map((a) => `a.${a}`), ...enc.map((a) => `i.${a}`)]
  const vars = ['overall', ...enc.map((a) => `a.${a}`)]
  const keys = ['n', 'n:attributes']
  for (const item of items) for (let v = 1; v <= 5; v++) keys.push(`v:${item}:${v}`)
  for (let o = 1; o <= 5; o++) for (let r = 1; r <= 5; r++) keys.push(`pair:${o}:${r}`)
  keys.push('cc:n')
  for (const x of vars) keys.push(`cc:s:${x}`)
  vars.forEach((x, i) => vars.slice(i).forEach((y) => keys.push(`cc:p:${x}|${y}`)))
  keys.push('ab:n', ...enc.map((a) => `ab:s:a.${a}`), ...enc.map((a) => `ab:q:a.${a}`))
  keys.push('ab:t', 'ab:tt')
  return keys
}

/** Group key: `<audience>` or `<audience>/<column>=<value>`, both parts URI-encoded. */
export function groupKey(audience: Audience, segment: { column: string; value: string } | null) {
  if (segment === null) return audience
  return `${audience}/${encodeURIComponent(segment.column)}=${encodeURIComponent(segment.value)}`
}

/** Inverse of {@link groupKey}; throws on a malformed key. */
export function parseGroupKey(key: string): {
  audience: Audience
  segment: { column: string; value: string } | null
} {
  const slash = key.indexOf('/')
  const audience = audiences.find((a) => a === (slash < 0 ? key : key.slice(0, slash)))
  if (audience === undefined) throw new Error(`bad aggregate group key "${key}"`)
  if (slash < 0) return { audience, segment: null }
  const rest = key.slice(slash + 1)
  const eq = rest.indexOf('=')
  if (eq < 0) throw new Error(`bad aggregate group key "${key}"`)
  const column = decodeURIComponent(rest.slice(0, eq))
  return { audience, segment: { column, value: decodeURIComponent(rest.slice(eq + 1)) } }
}
