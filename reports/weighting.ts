/**
 * Known population figures (METHODOLOGY §6.7, SPEC §5.4). `cells`: one share per combination of
 * the variables (post-stratification). `margins`: one share per value of each variable (raking).
 * Shares are normalised to sum to 1 (per variable for margins).
 */
export type Population =
  | {
      readonly form: 'cells'
      readonly variables: readonly string[]
      readonly cells: readonly { readonly values: readonly string[]; readonly share: number }[]
    }
  | {
      readonly form: 'margins'
      readonly variables: readonly string[]
      readonly margins: readonly {
        readonly variable: string
        readonly value: string
        readonly share: number
      }[]
    }

export interface WeightingSettings {
  /** Weights above `trimAt` × the median weight are cut to it (default 5; METHODOLOGY §6.7). */
  readonly trimAt: number
  /** Raking stops when every margin is within this of its target share (default 1e-10)… */
  readonly tolerance: number
  /** …or after this many full passes over the variables (default 100). */
  readonly maxIterations: number
}

export const defaultWeighting: WeightingSettings = {
  trimAt: 5,
  tolerance: 1e-10,
  maxIterations: 100,
}

/** One respondent as weighting sees it: its values of the weighting variables. */
export interface WeightingUnit {
  /** How to name the respondent in an error (a file row, a response id). */
  readonly id: string
  readonly values: Readonly<Record<string, string | null | undefined>>
}

export interface Weights {
  readonly method: 'post-stratification' | 'raking'
  /** One weight per unit, scaled so that they sum to n. */
  readonly weights: number[]
  /** Post-stratification: the cell index of each unit; raking: null. */
  readonly cell: number[] | null
  /** Post-stratification: the population share W_h of each cell after trimming. */
  readonly cellShares: number[] | null
  readonly n: number
  /** Kish: `n_eff = (Σw)² / Σw²`, `deff = n·Σw² / (Σw)²` = 1 + CV²(w). */
  readonly effectiveN: number
  readonly deff: number
  readonly maxWeight: number
  readonly trimAt: number
  /** Respondents whose weight was cut to trimAt × median. */
  readonly trimmed: number
  /** Raking: passes over the variables, whether it met the tolerance, the largest miss. */
  readonly iterations: number | null
  readonly converged: boolean | null
  readonly maxMarginError: number | null
}

/** A population or respondent that weighting cannot use, with a message naming it. */
export class WeightingError extends Error {
  override name = 'WeightingError'
}

const key = (values: readonly string[]) => JSON.stringify(values)

function valueOf(u: WeightingUnit, variable: string): string {
  const v = u.values[variable]
  if (v === null || v === undefined || v.trim() === '') {
    throw new WeightingError(`${u.id}: no value of weighting variable "${variable}"`)
  }
  return v.trim()
}

function median(xs: readonly number[]) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Scales weights to sum to n. */
function toSumN(w: number[]) {
  const total = w.reduce((a, b) => a + b, 0)
  return w.map((x) => (x * w.length) / total)
}

/**
 * Cuts weights above `trimAt` × the median to that cap and rescales to Σw = n, repeated until no
 * weight is above the cap of the rescaled weights (at most 20 rounds; each round only lowers the
 * largest weights). Returns the weights and how many respondents were cut.
 */
export function trimWeights(weights: readonly number[], trimAt: number) {
  let w = toSumN([...weights])
  const cut = new Set<number>()
  for (let round = 0; round < 20; round++) {
    const cap = trimAt * median(w)
    let any = false
    w = w.map((x, i) => {
      if (x > cap * (1 + 1e-12)) {
        cut.add(i)
        any = true
        return cap
      }
      return x
    })
    if (!any) break
    w = toSumN(w)
  }
  return { weights: w, trimmed: cut.size }
}

function kish(w: readonly number[]) {
  const s = w.reduce((a, b) => a + b, 0)
  const s2 = w.reduce((a, b) => a + b * b, 0)
  return { effectiveN: (s * s) / s2, deff: (w.length * s2) / (s * s) }
}

/**
 * Post-stratification (METHODOLOGY §6.7 [survey-ps]): respondent weight `w_i = W_h / (n_h/n)`
 * with `W_h` the population share of the respondent's cell, then trimmed. Every cell needs a
 * respondent and every respondent a cell (WeightingError naming them otherwise).
 */
function postStratify(
  units: readonly WeightingUnit[],
  pop: Extract<Population, { form: 'cells' }>,
  s: WeightingSettings,
): Weights {
  const index = new Map(pop.cells.map((c, h) => [key(c.values), h]))
  const total = pop.cells.reduce((a, c) => a + c.share, 0)
  const cell = units.map((u) => {
    const values = pop.variables.map((v) => valueOf(u, v))
    const h = index.get(key(values))
    if (h === undefined) {
      const what = pop.variables.map((v, i) => `${v} = "${values[i]}"`).join(', ')
      throw new WeightingError(`${u.id}: ${what} is not a cell of the population file`)
    }
    return h
  })
  const nh = pop.cells.map(() => 0)
  for (const h of cell) nh[h]! += 1
  const empty = pop.cells.findIndex((_, h) => nh[h] === 0)
  if (empty >= 0) {
    const c = pop.cells[empty]!
    const what = pop.variables.map((v, i) => `${v} = "${c.values[i]}"`).join(', ')
    throw new WeightingError(
      `population cell ${what} has no respondents: merge it with another cell or drop weighting`,
    )
  }
  const n = units.length
  const raw = cell.map((h) => pop.cells[h]!.share / total / (nh[h]! / n))
  const t = trimWeights(raw, s.trimAt)
  const cellShares = pop.cells.map(() => 0)
  t.weights.forEach((w, i) => (cellShares[cell[i]!]! += w / n))
  return {
    method: 'post-stratification',
    weights: t.weights,
    cell,
    cellShares,
    n,
    ...kish(t.weights),
    maxWeight: Math.max(...t.weights),
    trimAt: s.trimAt,
    trimmed: t.trimmed,
    iterations: null,
    converged: null,
    maxMarginError: null,
  }
}

/**
 * Raking (iterative proportional fitting, as `survey::rake` [survey-ps]): starting from 1, the
 * weights are scaled to each variable's population shares in turn, pass after pass, until every
 * weighted margin is within `tolerance` of its share or `maxIterations` passes are done; then
 * trimmed. A margin value with no respondents, or a respondent value without a margin, is a
 * WeightingError naming it.
 */
function rake(
  units: readonly WeightingUnit[],
  pop: Extract<Population, { form: 'margins' }>,
  s: WeightingSettings,
): Weights {
  const vars = pop.variables.map((variable) => {
    const rows = pop.margins.filter((m) => m.variable === variable)
    const total = rows.reduce((a, m) => a + m.share, 0)
    const at = new Map(rows.map((m, j) => [m.value, j]))
    const level = units.map((u) => {
      const v = valueOf(u, variable)
      const j = at.get(v)
      if (j === undefined)
        throw new WeightingError(`${u.id}: ${variable} = "${v}" is not in the population file`)
      return j
    })
    rows.forEach((m, j) => {
      if (!level.includes(j))
        throw new WeightingError(
          `population value ${variable} = "${m.value}" has no respondents: merge it or drop weighting`,
        )
    })
    return { target: rows.map((m) => m.share / total), level }
  })
  const n = units.length
  let w: number[] = units.map(() => 1)
  const miss = () => {
    let worst = 0
    for (const v of vars) {
      const sums = v.target.map(() => 0)
      w.forEach((x, i) => (sums[v.level[i]!]! += x))
      const total = sums.reduce((a, b) => a + b, 0)
      sums.forEach((x, j) => (worst = Math.max(worst, Math.abs(x / total - v.target[j]!))))
    }
    return worst
  }
  let iterations = 0
  let err = miss()
  while (err > s.tolerance && iterations < s.maxIterations) {
    for (const v of vars) {
      const sums = v.target.map(() => 0)
      w.forEach((x, i) => (sums[v.level[i]!]! += x))
      const total = sums.reduce((a, b) => a + b, 0)
      w = w.map((x, i) => (x * v.target[v.level[i]!]! * total) / sums[v.level[i]!]!)
    }
    iterations++
    err = miss()
  }
  const t = trimWeights(w, s.trimAt)
  w = t.weights
  return {
    method: 'raking',
    weights: w,
    cell: null,
    cellShares: null,
    n,
    ...kish(w),
    maxWeight: Math.max(...w),
    trimAt: s.trimAt,
    trimmed: t.trimmed,
    iterations,
    converged: err <= s.tolerance,
    // after trimming the margins may move off their targets: report where they ended
    maxMarginError: miss(),
  }
}

/**
 * Respondent weights for a population (METHODOLOGY §6.7): post-stratification for cells, raking
 * for margins; Kish's design effect and effective n; trimming above `trimAt` × the median.
 */
export function computeWeights(
  units: readonly WeightingUnit[],
  pop: Population,
  settings: Partial<WeightingSettings> = {},
): Weights {
  const s = { ...defaultWeighting, ...settings }
  if (!(s.trimAt > 1)) throw new WeightingError(`trimAt must be above 1 (got ${s.trimAt})`)
  if (units.length === 0) throw new WeightingError('no respondents to weight')
  return pop.form === 'cells' ? postStratify(units, pop, s) : rake(units, pop, s)
}
