// Display rounding for the md and text renderers only; JSON and CSV keep full precision.

const fixed = (x: number, dp: number) => {
  const s = x.toFixed(dp)
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s
}

export const num = (x: number | null | undefined, dp = 2) =>
  x === null || x === undefined ? '–' : fixed(x, dp)

/** A 1–5 mean: 2 decimals. */
export const mean = (x: number | null | undefined) => num(x, 2)

/** A /10 score: 1 decimal. */
export const score = (x: number | null | undefined) => num(x, 1)

/** A signed difference: `+0.42`, `−0.10`. */
export const signed = (x: number | null | undefined, dp = 2) =>
  x === null || x === undefined ? '–' : x > 0 ? `+${fixed(x, dp)}` : fixed(x, dp).replace('-', '−')

/** A p-value: `0.003`, `<0.001`. */
export const pValue = (p: number | null | undefined) =>
  p === null || p === undefined ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3)

/** A share as a whole percent. */
export const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`

/** A count with thousands separators, independent of the machine's locale. */
export const count = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** A 95% interval on the 1–5 scale. */
export const interval = (lo: number | null | undefined, hi: number | null | undefined) =>
  lo === null || lo === undefined || hi === null || hi === undefined
    ? '–'
    : `${mean(lo)}–${mean(hi)}`

/** Splits text into lines of at most `width` characters at spaces. */
export function wrap(text: string, width = 100): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}
