import type { ChartType, Plugin } from 'chart.js'
import { ITALIC_FONT, line, MUTED } from '../../charts/canvas-draw'

/** Options of the trend overlay (`options.plugins.trendOverlay`). */
export type TrendOverlayOptions = {
  /** 95% interval of each point of dataset 0, in y units; null draws no whisker. */
  intervals: ([number, number] | null)[]
  /** A word written at a wave without a value ("Suppressed"), or null. */
  notes: (string | null)[]
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    trendOverlay?: TrendOverlayOptions
  }
}

/** Confidence whiskers under the line's points, and a word where a wave has no value. */
export const trendOverlay: Plugin<'line', TrendOverlayOptions> = {
  id: 'trendOverlay',
  beforeDatasetsDraw(chart, _args, o) {
    const { ctx, chartArea: a, scales } = chart
    const points = chart.getDatasetMeta(0).data
    ctx.save()
    ctx.strokeStyle = MUTED
    ctx.lineWidth = 1.5
    // Where the points sit closer than a note is wide (a phone, many periods), notes stand upright.
    const slot = points.length > 1 ? Math.abs(points[1]!.x - points[0]!.x) : a.right - a.left
    points.forEach((pt, i) => {
      const ci = o.intervals[i]
      if (ci) {
        const top = Math.max(a.top, scales.y!.getPixelForValue(ci[1]))
        const bottom = Math.min(a.bottom, scales.y!.getPixelForValue(ci[0]))
        line(ctx, pt.x, top, pt.x, bottom)
        line(ctx, pt.x - 7, top, pt.x + 7, top)
        line(ctx, pt.x - 7, bottom, pt.x + 7, bottom)
      }
      const note = o.notes[i]
      if (note) {
        ctx.font = ITALIC_FONT
        ctx.fillStyle = MUTED
        ctx.textAlign = 'center'
        ctx.textBaseline = 'middle'
        const middle = (a.top + a.bottom) / 2
        if (ctx.measureText(note).width <= slot - 8) ctx.fillText(note, pt.x, middle)
        else {
          ctx.save()
          ctx.translate(pt.x, middle)
          ctx.rotate(-Math.PI / 2)
          ctx.fillText(note, 0, 0)
          ctx.restore()
        }
      }
    })
    ctx.restore()
  },
}
