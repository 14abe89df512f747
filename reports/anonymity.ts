/** Default anonymity threshold for employee scores (METHODOLOGY §7.2 rule 1). */
export const defaultMinGroup = 5
/** Free-text comments need more respondents (METHODOLOGY §7.2 rule 2). */
export const defaultMinComments = 10
/** The threshold can be configured 3–10 but never below 3. */
export const MIN_GROUP_FLOOR = 3

/**
 * Checks a configured anonymity threshold k: an integer ≥ 3 (METHODOLOGY §7.2). Throws a
 * RangeError naming the option otherwise, so a CLI or API can refuse it clearly.
 */
export function checkMinGroup(k: number): number {
  if (!Number.isInteger(k) || k < MIN_GROUP_FLOOR) {
    throw new RangeError(`minGroup must be an integer ≥ ${MIN_GROUP_FLOOR} (got ${k})`)
  }
  return k
}

/** An anonymous cell (score, distribution, gap) is shown only with n ≥ k (METHODOLOGY §7.2). */
export function cellVisible(n: number, k: number = defaultMinGroup): boolean {
  return n >= k
}

/** Free-text comments of a group are shown only with n ≥ 10 (METHODOLOGY §7.2 rule 2). */
export function commentsVisible(n: number, kComments: number = defaultMinComments): boolean {
  return n >= kComments
}

export interface Breakout {
  readonly key: string
  readonly n: number
  /** Already hidden for another reason (e.g. the whole group is suppressed). */
  readonly hidden?: boolean
}

/**
 * Complementary suppression of the breakouts of one parent (METHODOLOGY §7.2 rule 3,
 * [CA-conf][Glint-supp]). A breakout g of a visible parent P is shown only if `n_g ≥ k` and
 * `n_P − n_g ≥ k`. Then, repeatedly until stable: if the hidden remainder
 * `R = n_P − Σ_visible n_g` (hidden breakouts plus respondents in no breakout) satisfies
 * `0 < R < k`, it could be recovered by subtraction, so the smallest visible breakout (ties: first
 * key in code-point order) is hidden too. A parent with n_P < k hides every breakout.
 * Returns the keys that stay visible, in input order.
 */
export function complementarySuppression(
  parentN: number,
  breakouts: readonly Breakout[],
  k: number = defaultMinGroup,
): string[] {
  if (parentN < k) return []
  const visible = new Set(
    breakouts.filter((b) => !b.hidden && b.n >= k && parentN - b.n >= k).map((b) => b.key),
  )
  for (;;) {
    const shown = breakouts.filter((b) => visible.has(b.key))
    const remainder = parentN - shown.reduce((s, b) => s + b.n, 0)
    if (remainder <= 0 || remainder >= k || shown.length === 0) break
    const smallest = [...shown].sort((x, y) => x.n - y.n || (x.key < y.key ? -1 : 1))[0]
    visible.delete(smallest.key)
  }
  return breakouts.filter((b) => visible.has(b.key)).map((b) => b.key)
}
