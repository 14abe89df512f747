/** The report page in words: bands, flags, quadrants, CSI definitions, verdicts. */

import { DASH, fixed, percent, range } from '../../lib/format'

export type Band = 'strength' | 'adequate' | 'concern'
export type CutOffs = { strength: number; adequate: number }

// The one vocabulary of the reports (reports/words.ts): the md report and print use it too.
export { bandMeaning, bandName } from '../../../reports/words'

/** The rule of each band in words, from the report's cut-offs: "7.0 to under 8.0". */
export function bandRule(band: Band, c: CutOffs): string {
  if (band === 'strength') return `${fixed(c.strength, 1)} or more`
  if (band === 'adequate') return `${fixed(c.adequate, 1)} to under ${fixed(c.strength, 1)}`
  return `under ${fixed(c.adequate, 1)}`
}

export type Flag = 'bandUncertain' | 'lowBase' | 'insufficientPrecision' | 'highMissing'

export const flagName: Record<Flag, string> = {
  bandUncertain: 'Band uncertain',
  lowBase: 'Low base',
  insufficientPrecision: 'Imprecise',
  highMissing: 'Many missing',
}

/** What each flag means, with the thresholds the report used. */
export function flagMeaning(
  flag: Flag,
  c: { lowBase: number; maxHalfWidth: number; maxMissingShare: number },
): string {
  switch (flag) {
    case 'bandUncertain':
      return 'the 95% interval crosses a band cut-off, so the band could be the next one'
    case 'lowBase':
      return `fewer than ${c.lowBase} answers`
    case 'insufficientPrecision':
      return `the 95% interval is wider than ±${fixed(c.maxHalfWidth, 1)} point on /10`
    case 'highMissing':
      return `more than ${percent(c.maxMissingShare)} of respondents left it unanswered`
  }
}

export type Quadrant = 'concentrate-here' | 'keep-up' | 'low-priority' | 'possible-overkill'

export { priorityMeaning, priorityName, quadrantName, type Priority } from '../../../reports/words'

export type CsiDefinition = 'overall' | 'overall-rebuy' | 'attributes' | 'weighted'
export type ScaleMapping = 'linear' | 'proportional' | 'anchored10'

export const csiName: Record<CsiDefinition, string> = {
  'overall-rebuy': 'Overall satisfaction and re-buy',
  overall: 'Overall satisfaction only',
  attributes: 'Attribute average',
  weighted: 'Importance-weighted attributes',
}

export const csiMeaning: Record<CsiDefinition, string> = {
  'overall-rebuy':
    'The average, per respondent, of overall satisfaction and the intention to buy again; respondents who answered only one of the two are left out.',
  overall: 'The mean answer to the overall satisfaction question.',
  attributes: 'The plain average of the attribute means, each attribute counting the same.',
  weighted:
    'The average of the attribute means, each weighted by how much it drives overall satisfaction.',
}

export const scaleName: Record<ScaleMapping, string> = {
  linear: 'Linear: 1 → 0, 5 → 10',
  proportional: 'Proportional: 1 → 2, 5 → 10',
  anchored10: 'Anchored: 1 → 1, 5 → 10',
}

export type Verdict =
  'dangerous' | 'watch' | 'pessimistic' | 'none' | 'descriptive-only' | 'suppressed'

/**
 * A tested gap A − B in words, naming who rates higher. `none` splits on the adjusted p: a
 * difference can be significant yet below the size the verdict rule calls large.
 */
export function verdictText(
  g: { verdict: Verdict; gap: number | null; pAdjusted: number | null },
  a: string,
  b: string,
  alpha = 0.05,
): string {
  switch (g.verdict) {
    case 'dangerous':
      return `Large gap: ${a} rate it clearly higher than ${b}`
    case 'watch':
      return `Watch: ${a} rate it somewhat higher`
    case 'pessimistic':
      return `Large gap: ${a} rate it clearly lower than ${b}`
    case 'none':
      return g.pAdjusted !== null && g.pAdjusted < alpha && g.gap !== null && g.gap !== 0
        ? `Small but real: ${a} rate it ${g.gap > 0 ? 'higher' : 'lower'}`
        : 'No clear difference'
    case 'descriptive-only':
      return 'Not testable (too few answers)'
    case 'suppressed':
      return 'Suppressed'
  }
}

/** "customer" → "customers", for sentences about an audience. */
export function audiencePlural(audience: string): string {
  return `${audience}s`
}

type CsiFigures = {
  index100: number | null
  score10: number | null
  score10Low: number | null
  score10High: number | null
}

/** The CSI as the page leads with it: /100 when the mapping has one, else /10. */
export function csiFigure(c: CsiFigures): { value: string; unit: '/100' | '/10' } {
  return c.index100 !== null
    ? { value: fixed(c.index100, 1), unit: '/100' }
    : { value: fixed(c.score10, 1), unit: '/10' }
}

/** The CSI's 95% interval in the unit of `csiFigure` (/100 is ten times /10). */
export function csiInterval(c: CsiFigures): string {
  if (c.score10Low === null || c.score10High === null) return DASH
  return c.index100 !== null
    ? range(c.score10Low * 10, c.score10High * 10)
    : range(c.score10Low, c.score10High)
}
