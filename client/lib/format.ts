/** How every client page prints numbers: a real minus sign (U+2212), an en dash for no value. */

export const DASH = '–'
export const MINUS = '−'

/** Fixed decimals with a real minus sign; a value that rounds to zero carries no sign. */
export function fixed(x: number | null | undefined, digits: number): string {
  if (x == null) return DASH
  const s = x.toFixed(digits)
  // -0.04 → "-0.0": a rounded zero carries no sign.
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', MINUS)
}

/** A difference, always signed: "+0.90", "−0.25", "0.00". */
export function signed(x: number | null | undefined, digits = 2): string {
  if (x == null) return DASH
  const s = fixed(x, digits)
  return s.startsWith(MINUS) || Number(s) === 0 ? s : `+${s}`
}

/** An interval in words that reads the same with negative ends: "0.96 to 1.33". */
export function interval(
  low: number | null | undefined,
  high: number | null | undefined,
  digits = 2,
  sign = false,
): string {
  if (low == null || high == null) return DASH
  const f = sign ? signed : fixed
  return `${f(low, digits)} to ${f(high, digits)}`
}

/** An interval "6.4–6.8"; either end missing gives a dash. */
export function range(low: number | null | undefined, high: number | null | undefined, digits = 1) {
  if (low == null || high == null) return DASH
  return `${fixed(low, digits)}–${fixed(high, digits)}`
}

/** A share 0–1 as a percentage: "40%", or "21.7%" with `digits` = 1. */
export function percent(share: number | null | undefined, digits = 0): string {
  return share == null ? DASH : `${fixed(share * 100, digits)}%`
}

/** Shares 0–1 as a percent interval, one sign at the end: "45–86%"; a missing end gives a dash. */
export function percentRange(
  low: number | null | undefined,
  high: number | null | undefined,
  digits = 0,
): string {
  if (low == null || high == null) return DASH
  return `${range(low * 100, high * 100, digits)}%`
}

/** p-values as journals print them: "< 0.001", else three decimals. */
export function formatP(p: number | null | undefined): string {
  if (p == null) return DASH
  if (p < 0.001) return '< 0.001'
  return p.toFixed(3)
}

/** "p < 0.001" / "p = 0.042": a p-value inside a sentence. */
export function pPhrase(p: number | null | undefined, name = 'p'): string {
  const s = formatP(p)
  if (s === DASH) return `${name} not computed`
  return s.startsWith('<') ? `${name} ${s}` : `${name} = ${s}`
}

/** `delivery_reliability` → "Delivery reliability": a data key as a short name. */
export function humanizeKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
