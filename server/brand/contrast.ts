// WCAG 2.x contrast: relative luminance of sRGB colours (WCAG 2.2 §1.4.3, "relative luminance").
// Our brand colour fills buttons and the header under white text, so white on it must reach AA.

/** WCAG AA for normal text: the brand colour carries button labels and the header's title. */
export const AA_NORMAL_TEXT = 4.5

const channel = (v: number) => {
  const s = v / 255
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}

export function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) return null
  const n = parseInt(m[1]!, 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

const toHex = (rgb: readonly number[]) =>
  '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')

export function relativeLuminance([r, g, b]: readonly number[]) {
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!)
}

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21. */
export function contrastRatio(a: readonly number[], b: readonly number[]) {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const WHITE = [255, 255, 255] as const

/**
 * Whether white text on `hex` reaches WCAG AA, and if not the ratio it has and the nearest darker
 * shade of the same hue that does, so the refusal can say what would pass.
 */
export function brandColourCheck(hex: string) {
  const rgb = parseHex(hex)
  if (!rgb) return { ok: false as const, reason: 'must be a colour in the form #rrggbb' }
  const ratio = contrastRatio(rgb, WHITE)
  if (ratio >= AA_NORMAL_TEXT) return { ok: true as const, ratio }
  let shade = rgb.map(Number)
  while (contrastRatio(shade, WHITE) < AA_NORMAL_TEXT) shade = shade.map((v) => v * 0.97)
  const suggestion = toHex(shade)
  return {
    ok: false as const,
    ratio,
    suggestion,
    reason:
      `white text on ${hex} has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs ` +
      `${AA_NORMAL_TEXT}:1 for the buttons and header that use it (${suggestion} would pass)`,
  }
}
