import type { ChartConfiguration } from 'chart.js'
import { memo, useMemo } from 'react'
import { Chart } from '../../charts/Chart'
import { DASH, fixed, interval, signed } from '../../lib/format'
import { gapOverlay } from './gap-chart-plugin'
import type { GapRow, Verdict } from './gap-model'
import { capitalize, gapAxisLimit, labelOf, verdictName } from './gap-model'
import { wrapLabel } from './words'

/** Bar colours; each is at least 3:1 against white, and the verdict is always also a word. */
export const verdictColor: Record<Verdict, string> = {
  dangerous: '#b42318',
  watch: '#b54708',
  pessimistic: '#2f6eb5',
  none: '#7b8794',
  'descriptive-only': '#cbd2d9',
  suppressed: '#cbd2d9',
}

type Props = {
  rows: readonly GapRow[]
  labels: Record<string, string>
  other: string
  threshold: number
}

const noteOf = (r: GapRow) =>
  r.verdict === 'suppressed'
    ? 'Suppressed'
    : r.verdict === 'none'
      ? null
      : r.verdict === 'descriptive-only'
        ? r.gap === null
          ? 'No answers'
          : 'No test'
        : verdictName[r.verdict]

/** What the chart shows, in words, for screen readers. */
export function gapChartLabel(
  rows: readonly GapRow[],
  labels: Record<string, string>,
  other: string,
) {
  const parts = rows.map((r) =>
    r.verdict === 'suppressed'
      ? `${labelOf(labels, r.key)}: suppressed`
      : `${labelOf(labels, r.key)}: ${signed(r.gap)} (${verdictName[r.verdict]})`,
  )
  return `Diverging bar chart of perception gaps, staff minus ${other} on the 1–5 scale, with 95% confidence intervals. ${parts.join('; ')}.`
}

/** Diverging horizontal bars: Δ per attribute on 1–5, zero in the middle, CI whiskers. */
export const GapChart = memo(function GapChart({ rows, labels, other, threshold }: Props) {
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const limit = gapAxisLimit(rows, threshold)
    return {
      type: 'bar',
      data: {
        labels: rows.map((r) => wrapLabel(labelOf(labels, r.key))),
        datasets: [
          {
            label: `Gap (staff − ${other})`,
            data: rows.map((r) => (r.verdict === 'suppressed' ? null : r.gap)),
            backgroundColor: rows.map((r) => verdictColor[r.verdict]),
            borderColor: rows.map((r) =>
              r.verdict === 'descriptive-only' ? '#7b8794' : verdictColor[r.verdict],
            ),
            borderWidth: 1,
            maxBarThickness: 22,
            categoryPercentage: 0.75,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        layout: { padding: { top: 22, right: 4 } },
        scales: {
          x: {
            type: 'linear',
            min: -limit,
            max: limit,
            title: {
              display: true,
              text: `Gap: staff minus ${other}, points on the 1–5 scale`,
            },
            ticks: {
              stepSize: 0.5,
              maxRotation: 0,
              // Half-point labels crowd a phone-wide chart: label whole points only there.
              callback(v) {
                const x = Number(v)
                return this.chart.width < 480 && x % 1 !== 0 ? '' : signed(x, 1)
              },
            },
            grid: {
              color: (c) => (c.tick?.value === 0 ? '#1f2933' : '#e4e7eb'),
              lineWidth: (c) => (c.tick?.value === 0 ? 2 : 1),
            },
          },
          y: { grid: { display: false }, ticks: { autoSkip: false, color: '#1f2933' } },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => labelOf(labels, rows[items[0]?.dataIndex ?? 0]?.key ?? ''),
              label: (item) => {
                const r = rows[item.dataIndex]!
                return [
                  `Gap ${signed(r.gap)} (95% CI ${interval(r.ciGapLow, r.ciGapHigh, 2, true)})`,
                  `Staff ${fixed(r.meanA, 2)} · ${capitalize(other)} ${fixed(r.meanB, 2)}`,
                  `Verdict: ${verdictName[r.verdict]}`,
                ]
              },
            },
          },
          gapOverlay: {
            intervals: rows.map((r) =>
              r.ciGapLow === null || r.ciGapHigh === null ? null : [r.ciGapLow, r.ciGapHigh],
            ),
            notes: rows.map(noteOf),
            threshold,
            ends: ['← Staff gloomier', 'Staff rosier →'],
            shortEnds: ['← Gloomier', 'Rosier →'],
          },
        },
      },
      plugins: [gapOverlay],
    }
  }, [rows, labels, other, threshold])

  return (
    <Chart
      config={config}
      label={gapChartLabel(rows, labels, other)}
      height={Math.max(220, rows.length * 44 + 90)}
    />
  )
})
