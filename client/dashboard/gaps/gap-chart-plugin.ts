import type { ChartType, Plugin } from 'chart.js'
import { BOLD_FONT, FONT, INK, line, MUTED } from '../../charts/canvas-draw'

/** Options of the perception-gap overlay (`options.plugins.gapOverlay`). */
export type GapOverlayOptions = {
  /** 95% interval of each bar (dataset 0), in x units; null draws no whisker. */
  intervals: ([number, number] | null)[]
  /** A word drawn beside each bar (the verdict), or in place of a missing bar. */
  notes: (string | null)[]
  /** Dashed guides at ±threshold (the half-point rule of the verdicts). */
  threshold: number | null
  /** Direction words at the top corners: [left, right]. */
  ends: [string, string]
  shortEnds: [string, string]
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    gapOverlay?: GapOverlayOptions
  }
}

/** White on a dark bar, ink on a light one (the grey of an untested gap): readable either way. */
export function inkOn(fill: unknown): string {
  const m = typeof fill === 'string' ? /^#([0-9a-f]{6})$/i.exec(fill) : null
  if (!m) return '#fff'
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255)
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  const luminance = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
  // Above ~0.18, ink (#1f2933) contrasts more than white does.
  return luminance > 0.18 ? INK : '#fff'
}

/**
 * Whiskers for the confidence intervals, dashed threshold guides, the verdict beside each bar
 * and the two directions: chart.js has no error bars, and a plugin keeps them in one draw pass.
 */
export const gapOverlay: Plugin<'bar', GapOverlayOptions> = {
  id: 'gapOverlay',
  beforeDatasetsDraw(chart, _args, o) {
    const { ctx, chartArea: a, scales } = chart
    ctx.save()
    if (o.threshold !== null) {
      ctx.strokeStyle = '#9aa5b1'
      ctx.lineWidth = 1
      ctx.setLineDash([4, 4])
      for (const t of [-o.threshold, o.threshold]) {
        const x = scales.x!.getPixelForValue(t)
        if (x > a.left && x < a.right) line(ctx, x, a.top, x, a.bottom)
      }
      ctx.setLineDash([])
    }
    ctx.fillStyle = MUTED
    ctx.font = BOLD_FONT
    ctx.textBaseline = 'bottom'
    // On a narrow chart the two directions would meet: use their short forms.
    const room = (a.right - a.left) / 2 - 8
    const wide = o.ends.every((s) => ctx.measureText(s).width <= room)
    const [left, right] = wide ? o.ends : o.shortEnds
    ctx.textAlign = 'left'
    ctx.fillText(left, a.left + 2, a.top - 6)
    ctx.textAlign = 'right'
    ctx.fillText(right, a.right - 2, a.top - 6)
    ctx.restore()
  },
  afterDatasetsDraw(chart, _args, o) {
    const { ctx, chartArea: a, scales } = chart
    const bars = chart.getDatasetMeta(0).data
    const zero = scales.x!.getPixelForValue(0)
    ctx.save()
    ctx.strokeStyle = INK
    ctx.lineWidth = 1.5
    bars.forEach((bar, i) => {
      const y = bar.y
      const ci = o.intervals[i]
      let lo = zero
      let hi = zero
      if (ci) {
        lo = Math.max(a.left, scales.x!.getPixelForValue(ci[0]))
        hi = Math.min(a.right, scales.x!.getPixelForValue(ci[1]))
        line(ctx, lo, y, hi, y)
        line(ctx, lo, y - 6, lo, y + 6)
        line(ctx, hi, y - 6, hi, y + 6)
      }
      const barEnd = (bar as unknown as { x: number }).x
      lo = Math.min(lo, barEnd)
      hi = Math.max(hi, barEnd)
      const note = o.notes[i]
      if (!note) return
      ctx.font = FONT
      ctx.fillStyle = INK
      ctx.textBaseline = 'middle'
      const w = ctx.measureText(note).width
      // Beside the bar on its outer side; inside a long bar, in white, when there is no room;
      // else just across the zero line.
      const leftward = barEnd < zero
      if (!leftward && hi + 6 + w <= a.right) {
        ctx.textAlign = 'left'
        ctx.fillText(note, hi + 6, y)
      } else if (leftward && lo - 6 - w >= a.left) {
        ctx.textAlign = 'right'
        ctx.fillText(note, lo - 6, y)
      } else if (Math.abs(barEnd - zero) >= w + 12) {
        const fill = (bar as unknown as { options: { backgroundColor?: unknown } }).options
          .backgroundColor
        ctx.fillStyle = inkOn(fill)
        ctx.textAlign = leftward ? 'left' : 'right'
        ctx.fillText(note, leftward ? barEnd + 6 : barEnd - 6, y)
      } else if (leftward) {
        ctx.textAlign = 'left'
        ctx.fillText(note, Math.max(zero, hi) + 6, y)
      } else {
        ctx.textAlign = 'right'
        ctx.fillText(note, Math.min(zero, lo) - 6, y)
      }
    })
    ctx.restore()
  },
}
