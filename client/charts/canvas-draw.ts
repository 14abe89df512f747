// Canvas text cannot read the page's CSS, so the chart plugins and chart.js defaults share these.
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
export const FONT = `12px ${FONT_FAMILY}`
export const BOLD_FONT = `600 12px ${FONT_FAMILY}`
export const ITALIC_FONT = `italic 12px ${FONT_FAMILY}`
export const INK = '#1f2933'
export const MUTED = '#52606d'

/** A straight stroke in the context's current style. */
export function line(
  ctx: CanvasRenderingContext2D,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
) {
  ctx.beginPath()
  ctx.moveTo(x1, y1)
  ctx.lineTo(x2, y2)
  ctx.stroke()
}
