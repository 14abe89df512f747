import type { GroupAggregate } from './aggregate'
import { exactDiff, type Moments } from './descriptives'
import { SLOT_N, SLOT_N_ATTRIBUTES, itemSlot, triIndex, type Layout } from './layout'

/** The sufficient statistics of one group, read back into a structured form. */
export interface GroupStats {
  readonly n: number
  readonly nAttributes: number
  readonly overall: readonly number[]
  readonly rebuy: readonly number[]
  /** Counts per value 1..5 per attribute key (every key of the audience's layout). */
  readonly attributes: Readonly<Record<string, readonly number[]>>
  readonly importance: Readonly<Record<string, readonly number[]>>
  /** Respondents with both overall and rebuy, and the moments of u = overall + rebuy. */
  readonly pair: { readonly n: number; readonly u: Moments; readonly centred: number[][] }
  /** Listwise-complete cases of [overall, ...attributes]: n and centred cross-products. */
  readonly complete: { readonly n: number; readonly vars: string[]; readonly centred: number[][] }
  /**
   * Battery cases (every attribute answered, overall or not), for the attributes' α: n, the
   * centred sums of squares `n·Σx_j² − (Σx_j)²` per attribute and of the sum score T.
   */
  readonly battery: { readonly n: number; readonly itemSS: number[]; readonly totalSS: number }
}

/**
 * Centred cross-product matrix `C_ij = n·Σx_i x_j − Σx_i·Σx_j` (= n(n−1)·cov_ij), exact for
 * integer sums (METHODOLOGY §4.2, §6.5 — listwise statistics).
 */
export function centredMatrix(
  n: number,
  sums: readonly number[],
  cross: (i: number, j: number) => number,
) {
  return sums.map((si, i) =>
    sums.map((sj, j) => exactDiff(n, cross(Math.min(i, j), Math.max(i, j)), si, sj)),
  )
}

/** Reads a group aggregate through its layout. */
export function groupStats(g: GroupAggregate, layout: Layout): GroupStats {
  const c = g.cells
  const counts = (item: number) => [1, 2, 3, 4, 5].map((v) => c[itemSlot(item, v)])
  const k = layout.attributes.length
  const attributes: Record<string, number[]> = {}
  const importance: Record<string, number[]> = {}
  layout.attributes.forEach((key, j) => {
    attributes[key] = counts(2 + j)
    importance[key] = counts(2 + k + j)
  })
  let pn = 0
  const ps = [0, 0]
  const pp = [0, 0, 0]
  for (let o = 1; o <= 5; o++) {
    for (let r = 1; r <= 5; r++) {
      const w = c[layout.pair + 5 * (o - 1) + r - 1]
      pn += w
      ps[0] += o * w
      ps[1] += r * w
      pp[0] += o * o * w
      pp[1] += o * r * w
      pp[2] += r * r * w
    }
  }
  const pairCross = (i: number, j: number) => pp[i + j]
  const u: Moments = { n: pn, sum: ps[0] + ps[1], sumSq: pp[0] + 2 * pp[1] + pp[2], scale: 2 }
  const size = k + 1
  const ccN = c[layout.cc]
  const sums = Array.from({ length: size }, (_, i) => c[layout.cc + 1 + i])
  const base = layout.cc + 1 + size
  const ab = layout.battery
  const abN = c[ab] ?? 0
  const at = (slot: number) => c[slot] ?? 0 // aggregates stored before the block: zeros
  const battery = {
    n: abN,
    itemSS: layout.attributes.map((_, j) =>
      exactDiff(abN, at(ab + 1 + k + j), at(ab + 1 + j), at(ab + 1 + j)),
    ),
    totalSS: exactDiff(abN, at(ab + 2 + 2 * k), at(ab + 1 + 2 * k), at(ab + 1 + 2 * k)),
  }
  return {
    n: c[SLOT_N],
    nAttributes: c[SLOT_N_ATTRIBUTES],
    overall: counts(0),
    rebuy: counts(1),
    attributes,
    importance,
    pair: { n: pn, u, centred: centredMatrix(pn, ps, pairCross) },
    complete: {
      n: ccN,
      vars: ['overall', ...layout.attributes],
      centred: centredMatrix(ccN, sums, (i, j) => c[base + triIndex(i, j, size)]),
    },
    battery,
  }
}
