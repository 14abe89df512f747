import { momentsFromCounts, variance } from './descriptives'
import {
  cliffsDelta,
  hedgesG,
  magnitudeDelta,
  magnitudeG,
  mannWhitney,
  meanGap,
  welch,
  type Counts,
} from './gap-tests'
import { adjustP } from './padjust'
import { score10Slope } from './scale'
import type { GapThresholds, PAdjustMethod, ScaleMapping, Verdict } from './types'

/** Δ ≥ +0.5, adjusted p < 0.05, g ≥ 0.5 for DANGEROUS; Δ ≤ −0.5 for PESSIMISTIC (§5.2). */
export const defaultGapThresholds: GapThresholds = {
  minGap: 0.5,
  pessimisticGap: 0.5,
  alpha: 0.05,
  minG: 0.5,
}

/** One attribute of one comparison; `suppressed` is the anonymity reason when A or B is hidden. */
export interface GapInput {
  readonly key: string
  readonly a: Counts
  readonly b: Counts
  readonly suppressed: string | null
}

export interface GapRow {
  readonly key: string
  readonly groupA: string
  readonly groupB: string
  readonly nA: number | null
  readonly nB: number | null
  readonly meanA: number | null
  readonly meanB: number | null
  readonly sdA: number | null
  readonly sdB: number | null
  /** Δ = meanA − meanB on 1–5; `gap10` on /10 under the report's mapping. */
  readonly gap: number | null
  readonly gap10: number | null
  readonly ciGapLow: number | null
  readonly ciGapHigh: number | null
  readonly t: number | null
  readonly df: number | null
  readonly p: number | null
  readonly pAdjusted: number | null
  readonly pAdjustMethod: PAdjustMethod
  readonly d: number | null
  readonly j: number | null
  readonly g: number | null
  readonly magnitudeG: string | null
  readonly u: number | null
  readonly pMwu: number | null
  readonly pMwuAdjusted: number | null
  readonly cliffsDelta: number | null
  readonly magnitudeDelta: string | null
  /** Welch and Mann–Whitney disagree about significance after adjustment. */
  readonly ordinalDisagrees: boolean
  readonly verdict: Verdict
  readonly reason: string | null
}

/**
 * Verdict of one tested gap (METHODOLOGY §5.2 decision rule, thresholds configurable):
 * `dangerous` Δ ≥ +0.5 and adjusted p < 0.05 and g ≥ 0.5; `watch` Δ > 0 and (raw p < 0.05 or
 * g ≥ 0.5) and not dangerous; `pessimistic` Δ ≤ −0.5 and adjusted p < 0.05; else `none`.
 */
export function gapVerdict(
  x: { gap: number; p: number; pAdjusted: number; g: number },
  th: GapThresholds = defaultGapThresholds,
): Verdict {
  if (x.gap >= th.minGap && x.pAdjusted < th.alpha && x.g >= th.minG) return 'dangerous'
  if (x.gap > 0 && (x.p < th.alpha || x.g >= th.minG)) return 'watch'
  if (x.gap <= -th.pessimisticGap && x.pAdjusted < th.alpha) return 'pessimistic'
  return 'none'
}

export interface GapOptions {
  readonly thresholds?: GapThresholds
  readonly pAdjust?: PAdjustMethod
  readonly mapping?: ScaleMapping
}

/**
 * Perception gaps A − B per attribute for one comparison (METHODOLOGY §5): Welch t/ν/p and CI,
 * Hedges g, Mann–Whitney U and Cliff's δ; p-values (Welch and Mann–Whitney separately) adjusted
 * across the tested attributes of this comparison only (Holm default, BH option). Missing answers
 * are excluded per attribute. Suppressed items carry no statistics; items with n < 2 in a group or
 * zero variance in both are `descriptive-only` (Δ and δ only) and stay out of the family.
 */
export function perceptionGaps(
  items: readonly GapInput[],
  groupA: string,
  groupB: string,
  opts: GapOptions = {},
): GapRow[] {
  const th = opts.thresholds ?? defaultGapThresholds
  const method = opts.pAdjust ?? 'holm'
  const tests = items.map((it) => (it.suppressed === null ? welch(it.a, it.b) : null))
  // Only where Welch tests too: an untested row must not join either family (METHODOLOGY §5.2).
  const mwu = items.map((it, i) => (tests[i] === null ? null : mannWhitney(it.a, it.b)))
  const pAdj = adjustP(
    tests.map((w) => w?.p ?? null),
    method,
  )
  const pMwuAdj = adjustP(
    mwu.map((m) => m?.p ?? null),
    method,
  )
  return items.map((it, i) => {
    const base = { key: it.key, groupA, groupB, pAdjustMethod: method }
    if (it.suppressed !== null) return suppressedRow(base, it.suppressed)
    const ma = momentsFromCounts(it.a)
    const mb = momentsFromCounts(it.b)
    const gap = meanGap(it.a, it.b)
    const w = tests[i]
    const h = w === null ? null : hedgesG(it.a, it.b)
    const mw = mwu[i]
    const delta = cliffsDelta(it.a, it.b)
    const pa = pAdj[i]
    const pm = pMwuAdj[i]
    const tested = w !== null && h !== null && pa !== null
    const reason = tested ? null : untestedReason(ma.n, mb.n)
    const sd = (v: number | null) => (v === null ? null : Math.sqrt(v))
    return {
      ...base,
      nA: ma.n,
      nB: mb.n,
      meanA: ma.n === 0 ? null : ma.sum / ma.n,
      meanB: mb.n === 0 ? null : mb.sum / mb.n,
      sdA: sd(variance(ma)),
      sdB: sd(variance(mb)),
      gap,
      gap10: gap === null ? null : gap * score10Slope(opts.mapping),
      ciGapLow: w?.ciLow ?? null,
      ciGapHigh: w?.ciHigh ?? null,
      t: w?.t ?? null,
      df: w?.df ?? null,
      p: w?.p ?? null,
      pAdjusted: pa,
      d: h?.d ?? null,
      j: h?.j ?? null,
      g: h?.g ?? null,
      magnitudeG: magnitudeG(h?.g ?? null),
      u: mw?.u ?? null,
      pMwu: mw?.p ?? null,
      pMwuAdjusted: pm,
      cliffsDelta: delta,
      magnitudeDelta: magnitudeDelta(delta),
      ordinalDisagrees: pa !== null && pm !== null && pa < th.alpha !== pm < th.alpha,
      verdict:
        tested && gap !== null
          ? gapVerdict({ gap, p: w.p, pAdjusted: pa, g: h.g }, th)
          : 'descriptive-only',
      reason,
    }
  })
}

function untestedReason(nA: number, nB: number): string {
  if (nA === 0 || nB === 0) return 'no answers in one of the groups'
  if (nA < 2 || nB < 2) return 'n < 2 in one of the groups: no test'
  return 'no variance in either group: t undefined'
}

function suppressedRow(
  base: { key: string; groupA: string; groupB: string; pAdjustMethod: PAdjustMethod },
  reason: string,
): GapRow {
  return {
    ...base,
    ...{ nA: null, nB: null, meanA: null, meanB: null, sdA: null, sdB: null, gap: null },
    ...{ gap10: null, ciGapLow: null, ciGapHigh: null, t: null, df: null, p: null },
    ...{ pAdjusted: null, d: null, j: null, g: null, magnitudeG: null, u: null, pMwu: null },
    ...{ pMwuAdjusted: null, cliffsDelta: null, magnitudeDelta: null },
    ordinalDisagrees: false,
    verdict: 'suppressed',
    reason,
  }
}
