import type { ChartConfiguration, ChartType } from 'chart.js'
import { Chart as ChartJs } from 'chart.js'
import { useEffect, useRef } from 'react'

type Props<T extends ChartType> = {
  config: ChartConfiguration<T>
  /** What the chart shows, for screen readers; the numbers themselves sit in a table nearby. */
  label: string
  height?: number
}

/**
 * The one place that creates, updates and destroys a chart.js instance. Callers register the
 * chart.js components they use (see register-charts.ts) and pass a memoised config.
 */
export function Chart<T extends ChartType>({ config, label, height = 320 }: Props<T>) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<ChartJs<T> | null>(null)

  useEffect(() => {
    if (!canvas.current) return
    chart.current = new ChartJs(canvas.current, config)
    return () => {
      chart.current?.destroy()
      chart.current = null
    }
    // A new config type means a new chart; data and option changes update it in place below.
  }, [config.type])

  // Printing lays the page out again at paper width: redraw at the printed size, then back.
  useEffect(() => {
    const resize = () => chart.current?.resize()
    const print = window.matchMedia('print')
    window.addEventListener('beforeprint', resize)
    window.addEventListener('afterprint', resize)
    print.addEventListener('change', resize)
    return () => {
      window.removeEventListener('beforeprint', resize)
      window.removeEventListener('afterprint', resize)
      print.removeEventListener('change', resize)
    }
  }, [])

  useEffect(() => {
    const c = chart.current
    if (!c) return
    c.data = config.data
    if (config.options) c.options = config.options
    c.update()
  }, [config])

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  )
}
