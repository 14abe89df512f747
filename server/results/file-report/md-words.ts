import type {
  Audience,
  CsiDefinition,
  Flag,
  Quadrant,
  ResolvedOptions,
  ScaleMapping,
  Verdict,
} from '../../../reports'
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

export const quadrantWords: Record<Quadrant, string> = {
  'concentrate-here': 'concentrate',
  'keep-up': 'keep up',
  'low-priority': 'low priority',
  'possible-overkill': 'overkill?',
}

export const quadrantLegend: Record<Quadrant, string> = {
  'concentrate-here': 'concentrate here: important but rated below average; fix first',
  'keep-up': 'keep up the good work: important and rated above average',
  'low-priority': 'low priority: less important and rated below average',
  'possible-overkill': 'possible overkill: less important but rated above average',
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
  return `${v} = ${text[v]}`
}
