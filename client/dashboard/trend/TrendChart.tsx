import type { ChartConfiguration } from 'chart.js'
import { memo, useMemo } from 'react'
import { Chart } from '../../charts/Chart'
import { fixed, interval } from '../../lib/format'
import { wrapLabel } from '../gaps/words'
import { trendOverlay } from './trend-chart-plugin'
import type { SeriesRow } from './trend-model'
import { changeView, trendBounds, unitOf } from './trend-model'

const BRAND = '#19635a'
const DANGER = '#b42318'

type Props = {
  rows: readonly SeriesRow[]
  show: string
  title: string
  /** What one point is, in words: a wave (default), or a month or quarter of a continuous wave. */
  step?: string
}

/** What the chart shows, in words, for screen readers. */
export function trendChartLabel(
  rows: readonly SeriesRow[],
  show: string,
  title: string,
  step = 'wave',
) {
  const { unit } = unitOf(show)
  const parts = rows.map((r) => {
    if (r.score === null) return `${r.point.name}: no value`
    const c = r.change ? `, ${changeView(r.change, show).words}` : ''
    return `${r.point.name}: ${fixed(r.score, 1)} ${unit}${c}`
  })
  return `Line chart of ${title} ${unit} by ${step}, with 95% confidence intervals. ${parts.join('; ')}.`
}

/** The measure over waves: a line with CI whiskers; significant changes get a larger arrow. */
export const TrendChart = memo(function TrendChart({ rows, show, title, step = 'wave' }: Props) {
  const config = useMemo((): ChartConfiguration<'line'> => {
    const { unit } = unitOf(show)
    const csi = show === 'csi'
    const [min, max] = trendBounds(rows, csi ? 5 : 0.5, csi ? 100 : 10)
    const marks = rows.map((r) => (r.change?.significant ? changeView(r.change, show) : null))
    return {
      type: 'line',
      data: {
        labels: rows.map((r) => wrapLabel(r.point.name, 18)),
        datasets: [
          {
            label: `${title} ${unit}`,
            data: rows.map((r) => r.score),
            borderColor: BRAND,
            borderWidth: 2.5,
            spanGaps: false,
            pointStyle: marks.map((m) => (m ? 'triangle' : 'circle')),
            pointRotation: marks.map((m) => (m?.direction === 'down' ? 180 : 0)),
            pointRadius: marks.map((m) => (m ? 9 : 5)),
            pointHoverRadius: marks.map((m) => (m ? 11 : 7)),
            pointBackgroundColor: marks.map((m) => (m?.direction === 'down' ? DANGER : BRAND)),
            pointBorderColor: '#fff',
            pointBorderWidth: 1.5,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        layout: { padding: { top: 8, left: 4, right: 12 } },
        scales: {
          x: {
            offset: true,
            grid: { display: false },
            ticks: { color: '#1f2933', maxRotation: 0 },
          },
          y: {
            type: 'linear',
            min,
            max,
            title: { display: true, text: csi ? 'CSI /100' : 'Score /10' },
            ticks: { stepSize: csi ? 5 : 0.5, callback: (v) => fixed(Number(v), csi ? 0 : 1) },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => rows[items[0]?.dataIndex ?? 0]?.point.name ?? '',
              label: (item) => {
                const r = rows[item.dataIndex]!
                const lines = [
                  `${fixed(r.score, 1)} ${unit} (95% CI ${interval(r.low, r.high, 1)})`,
                  `n ${r.value?.n ?? '–'}`,
                ]
                if (r.change) {
                  const c = changeView(r.change, show)
                  lines.push(`${c.diff} since the previous ${step}: ${c.words}`)
                }
                return lines
              },
            },
          },
          trendOverlay: {
            intervals: rows.map((r) =>
              r.low === null || r.high === null ? null : [r.low, r.high],
            ),
            notes: rows.map((r) =>
              r.score !== null
                ? null
                : r.point.suppressed
                  ? 'Suppressed'
                  : r.point.n === null
                    ? 'No responses'
                    : 'No value',
            ),
          },
        },
      },
      plugins: [trendOverlay],
    }
  }, [rows, show, title, step])

  return <Chart config={config} label={trendChartLabel(rows, show, title, step)} height={300} />
})
