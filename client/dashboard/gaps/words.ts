/** Display rules shared by the gaps, trend and comments pages (pure, tested). */

export const DASH = '–'
const MINUS = '−'

/** Fixed decimals with a real minus sign; a value that rounds to zero carries no sign. */
export function fixed(x: number | null | undefined, digits: number): string {
  if (x == null || !Number.isFinite(x)) return DASH
  const s = x.toFixed(digits)
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', MINUS)
}

/** A difference, always signed: "+0.90", "−0.25", "0.00". */
export function signed(x: number | null | undefined, digits = 2): string {
  const s = fixed(x, digits)
  if (s === DASH || s.startsWith(MINUS) || Number(s) === 0) return s
  return `+${s}`
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

/** p-values as journals print them: "< 0.001", else three decimals. */
export function formatP(p: number | null | undefined): string {
  if (p == null || !Number.isFinite(p)) return DASH
  if (p < 0.001) return '< 0.001'
  return p.toFixed(3)
}

/** "p < 0.001" / "p = 0.042": a p-value inside a sentence. */
export function pPhrase(p: number | null | undefined, name = 'p'): string {
  const s = formatP(p)
  if (s === DASH) return `${name} not computed`
  return s.startsWith('<') ? `${name} ${s}` : `${name} = ${s}`
}

const small = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

/** 0–10 in words ("two"), larger numbers as digits; `capital` for the start of a sentence. */
export function numberWord(n: number, capital = false): string {
  const w = Number.isInteger(n) && n >= 0 && n < small.length ? small[n]! : String(n)
  return capital ? w.charAt(0).toUpperCase() + w.slice(1) : w
}

/** "1 gap", "2 gaps": a count with its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** `delivery_reliability` → "Delivery reliability": short names for chart axes. */
export function humanizeKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Splits a label into lines of at most `width` characters for a chart axis. */
export function wrapLabel(label: string, width = 16): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** A server reason ("anonymity: fewer than 5 answers") as a sentence: "Anonymity: fewer than…". */
export function sentence(reason: string | null | undefined): string {
  if (!reason) return ''
  return reason.charAt(0).toUpperCase() + reason.slice(1)
}
