import type { Chart, ChartType, Plugin } from 'chart.js'
import { BOLD_FONT, FONT, INK, line, MUTED } from './canvas-draw'

/** Options of the importance–performance overlay (`options.plugins.ipa`). */
export type IpaOptions = {
  /** Crosshair position in data units; a null coordinate draws no line on that axis. */
  x: number | null
  y: number | null
  /** Corner names: [top-left, top-right, bottom-left, bottom-right]. */
  corners: [string, string, string, string]
  /** One label per point of dataset 0. */
  labels: string[]
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    ipa?: IpaOptions
  }
}

type Box = { x: number; y: number; w: number; h: number }

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

const inside = (a: Box, area: Box) =>
  a.x >= area.x && a.y >= area.y && a.x + a.w <= area.x + area.w && a.y + a.h <= area.y + area.h

/**
 * Crosshair lines, quadrant names in the corners and a name beside each point, placed where it
 * overlaps neither another name nor a corner (right, left, above, below, in that order).
 */
export const ipaPlugin: Plugin<'scatter', IpaOptions> = {
  id: 'ipa',
  beforeDatasetsDraw(chart, _args, o) {
    const { ctx, chartArea: a, scales } = chart
    ctx.save()
    if (o.x !== null && o.y !== null) {
      // The quadrant to act on first, tinted: high importance, low performance.
      const px = Math.min(a.right, Math.max(a.left, scales.x!.getPixelForValue(o.x)))
      const py = Math.min(a.bottom, Math.max(a.top, scales.y!.getPixelForValue(o.y)))
      ctx.fillStyle = 'rgba(180, 35, 24, 0.06)'
      ctx.fillRect(px, py, a.right - px, a.bottom - py)
    }
    ctx.strokeStyle = '#7b8794'
    ctx.lineWidth = 1.5
    ctx.setLineDash([6, 4])
    if (o.x !== null) {
      const px = scales.x!.getPixelForValue(o.x)
      if (px >= a.left && px <= a.right) line(ctx, px, a.top, px, a.bottom)
    }
    if (o.y !== null) {
      const py = scales.y!.getPixelForValue(o.y)
      if (py >= a.top && py <= a.bottom) line(ctx, a.left, py, a.right, py)
    }
    ctx.restore()
  },
  afterDatasetsDraw(chart, _args, o) {
    const { ctx, chartArea: a } = chart
    const area: Box = { x: a.left, y: a.top, w: a.right - a.left, h: a.bottom - a.top }
    const placed: Box[] = []
    ctx.save()
    ctx.textBaseline = 'top'
    ctx.font = BOLD_FONT
    ctx.fillStyle = MUTED
    const pad = 8
    const boxes = o.corners.map((text, i) => {
      const w = ctx.measureText(text).width
      const x = i % 2 === 0 ? a.left + pad : a.right - pad - w
      const y = i < 2 ? a.top + pad : a.bottom - pad - 14
      return { text, x, y, w }
    })
    // On a narrow chart the two names of a row would collide: move the right one a line inward.
    for (const [l, r, dy] of [
      [0, 1, 16],
      [2, 3, -16],
    ] as const) {
      if (boxes[l]!.x + boxes[l]!.w + 8 > boxes[r]!.x) boxes[r]!.y += dy
    }
    for (const b of boxes) {
      ctx.fillText(b.text, b.x, b.y)
      placed.push({ x: b.x - 2, y: b.y - 2, w: b.w + 4, h: 18 })
    }
    const points = pointsOf(chart)
    for (const p of points) placed.push({ x: p.x - 6, y: p.y - 6, w: 12, h: 12 })
    ctx.font = FONT
    ctx.fillStyle = INK
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)'
    ctx.lineWidth = 3
    ctx.lineJoin = 'round'
    for (const [i, el] of points.entries()) {
      const text = o.labels[i]
      if (!text) continue
      const w = ctx.measureText(text).width
      const h = 14
      const candidates: Box[] = [
        { x: el.x + 8, y: el.y - h / 2, w, h },
        { x: el.x - 8 - w, y: el.y - h / 2, w, h },
        { x: el.x - w / 2, y: el.y - 8 - h, w, h },
        { x: el.x - w / 2, y: el.y + 8, w, h },
      ]
      const box =
        candidates.find((b) => inside(b, area) && !placed.some((p) => overlaps(b, p))) ??
        candidates.find((b) => inside(b, area)) ??
        candidates[0]!
      placed.push(box)
      // A white halo keeps names legible where they cross a crosshair or a grid line.
      ctx.strokeText(text, box.x, box.y + 1)
      ctx.fillText(text, box.x, box.y + 1)
    }
    ctx.restore()
  },
}

function pointsOf(chart: Chart<'scatter'>) {
  return chart.getDatasetMeta(0).data.map((el) => ({ x: el.x, y: el.y }))
}
