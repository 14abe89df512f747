/** Display rules of the report page: one decimal on /10 and /100, two on 1–5 means. */

const DASH = '–'
const MINUS = '−'

function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits)
  // -0.04 → "-0.0": a rounded zero carries no sign.
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', MINUS)
}

/** A score on /10 or an index on /100: one decimal. */
export function fmt1(x: number | null | undefined): string {
  return x == null ? DASH : fixed(x, 1)
}

/** A mean on the 1–5 scale: two decimals. */
export function fmt2(x: number | null | undefined): string {
  return x == null ? DASH : fixed(x, 2)
}

/** A difference, always signed: "+0.90", "−0.25". */
export function signed(x: number | null | undefined, digits = 2): string {
  if (x == null) return DASH
  const s = fixed(x, digits)
  return s.startsWith(MINUS) || Number(s) === 0 ? s : `+${s}`
}

/** An interval "6.4–6.8"; either end missing gives a dash. */
export function range(low: number | null | undefined, high: number | null | undefined, digits = 1) {
  if (low == null || high == null) return DASH
  return `${fixed(low, digits)}–${fixed(high, digits)}`
}

/** p-values as journals print them: "< 0.001", else three decimals. */
export function formatP(p: number | null | undefined): string {
  if (p == null) return DASH
  if (p < 0.001) return '< 0.001'
  return p.toFixed(3)
}

/** A share 0–1 as a percentage: "21.7%" (digits = 1) or "40%". */
export function formatShare(share: number | null | undefined, digits = 1): string {
  return share == null ? DASH : `${fixed(share * 100, digits)}%`
}

/** `delivery_reliability` → "Delivery reliability": short names for chart points and menus. */
export function humanizeKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export type Band = 'strength' | 'adequate' | 'concern'
export type CutOffs = { strength: number; adequate: number }

export const bandName: Record<Band, string> = {
  strength: 'Strength',
  adequate: 'Adequate',
  concern: 'Concern',
}

export const bandMeaning: Record<Band, string> = {
  strength: 'market-leader level',
  adequate: 'needs attention',
  concern: 'serious concern',
}

/** The rule of each band in words, from the report's cut-offs: "7.0 to under 8.0". */
export function bandRule(band: Band, c: CutOffs): string {
  if (band === 'strength') return `${fmt1(c.strength)} or more`
  if (band === 'adequate') return `${fmt1(c.adequate)} to under ${fmt1(c.strength)}`
  return `under ${fmt1(c.adequate)}`
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
      return `the 95% interval is wider than ±${fmt1(c.maxHalfWidth)} point on /10`
    case 'highMissing':
      return `more than ${formatShare(c.maxMissingShare, 0)} of respondents left it unanswered`
  }
}

export type Quadrant = 'concentrate-here' | 'keep-up' | 'low-priority' | 'possible-overkill'

export const quadrantName: Record<Quadrant, string> = {
  'concentrate-here': 'Concentrate here',
  'keep-up': 'Keep up the good work',
  'low-priority': 'Low priority',
  'possible-overkill': 'Possible overkill',
}

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
    ? { value: fmt1(c.index100), unit: '/100' }
    : { value: fmt1(c.score10), unit: '/10' }
}

/** The CSI's 95% interval in the unit of `csiFigure` (/100 is ten times /10). */
export function csiInterval(c: CsiFigures): string {
  if (c.score10Low === null || c.score10High === null) return DASH
  return c.index100 !== null
    ? range(c.score10Low * 10, c.score10High * 10)
    : range(c.score10Low, c.score10High)
}
