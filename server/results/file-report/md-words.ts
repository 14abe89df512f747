import type {
  Audience,
  Band,
  CsiDefinition,
  Flag,
  Priority,
  ResolvedOptions,
  ScaleMapping,
  Verdict,
} from '../../../reports'
import { bandMeaning, bandName, priorityMeaning, priorityName, verdictName } from '../../../reports'
import { score } from './format'

export const audienceTitle: Record<Audience, string> = {
  customer: 'Customers',
  wholesaler: 'Wholesalers',
  retailer: 'Retailers',
  employee: 'Employees',
}

export const csiWords: Record<CsiDefinition, string> = {
  overall: 'mean overall satisfaction',
  'overall-rebuy': 'mean of (overall + rebuy) / 2 per respondent who answered both',
  attributes: 'equal-weight mean of the attribute means',
  weighted: 'importance-weighted mean of the attribute means',
}

export const mappingWords: Record<ScaleMapping, string> = {
  linear: 'linear (1 → 0, 5 → 10)',
  proportional: 'proportional, 2 × mean (1 → 2, 5 → 10)',
  anchored10: 'anchored10 (1 → 1, 5 → 10)',
}

export const flagCode: Record<Flag, string> = {
  bandUncertain: 'B',
  lowBase: 'L',
  insufficientPrecision: 'P',
  highMissing: 'M',
}

export function flagLegend(flag: Flag, o: ResolvedOptions): string {
  const text: Record<Flag, string> = {
    bandUncertain: 'band uncertain: the 95% CI crosses a band cut-off',
    lowBase: `low base: fewer than ${o.lowBase} answers`,
    insufficientPrecision: `imprecise: the 95% CI is wider than ±${score(o.maxHalfWidth)} on /10`,
    highMissing: `many missing: more than ${Math.round(o.maxMissingShare * 100)}% did not answer`,
  }
  return `${flagCode[flag]} = ${text[flag]}`
}

/** The table's priority words and the legend's: the one vocabulary of reports/words.ts. */
export const priorityWords = priorityName

export function priorityLegend(p: Priority): string {
  return `${priorityName[p]}: ${priorityMeaning[p]}`
}

export function bandLegend(b: Band, cut: ResolvedOptions['cutOffs']): string {
  const rule =
    b === 'strength'
      ? `${score(cut.strength)} or more`
      : b === 'adequate'
        ? `${score(cut.adequate)} to under ${score(cut.strength)}`
        : `under ${score(cut.adequate)}`
  return `${bandName[b]} (${rule} on /10): ${bandMeaning[b]}`
}

export function verdictLegend(v: Verdict, o: ResolvedOptions): string {
  const t = o.gapThresholds
  const adj = o.pAdjust === 'holm' ? 'Holm' : 'BH'
  const text: Record<Verdict, string> = {
    dangerous: `staff clearly over-rate the company (gap ≥ +${t.minGap}, ${adj} p < ${t.alpha}, g ≥ ${t.minG})`,
    watch: `staff more positive than customers (p < ${t.alpha} or g ≥ ${t.minG}), not yet dangerous`,
    pessimistic: `staff clearly more negative than customers (gap ≤ −${t.pessimisticGap}, ${adj} p < ${t.alpha})`,
    none: 'no meaningful gap',
    'descriptive-only': 'too few answers or no variation: not tested',
    suppressed: 'hidden to protect anonymity',
  }
  return `${verdictName[v]} = ${text[v]}`
}
