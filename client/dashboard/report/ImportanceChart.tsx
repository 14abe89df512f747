import type { ChartConfiguration } from 'chart.js'
import { memo, useMemo } from 'react'
import { toScore10 } from '../../../reports/scale'
import { Chart } from '../../charts/Chart'
import { ipaPlugin } from '../../charts/ipa-plugin'
import { fixed } from '../../lib/format'
import type { AttributeRow, ImportanceModel, ImportanceSource } from './report-model'
import { importanceOf } from './report-model'
import type { ScaleMapping } from './report-format'
import { priorityName, quadrantName } from './report-format'
import { formatImportance } from './AttributeTable'

type Props = {
  rows: readonly AttributeRow[]
  labels: Record<string, string>
  model: ImportanceModel
  mapping: ScaleMapping
}

export const axisTitle: Record<ImportanceSource, string> = {
  share: 'Importance: share of overall satisfaction explained (%)',
  r: 'Importance: correlation with overall satisfaction (r)',
  stated: 'Importance as stated by respondents (1–5)',
}

const xStep: Record<ImportanceSource, number> = { share: 5, r: 0.1, stated: 0.5 }

/** Axis bounds padded by `pad` of the spread and rounded out to whole steps. */
function niceBounds(values: number[], step: number, pad: number): [number, number] {
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const p = (hi - lo || step) * pad
  return [Math.floor((lo - p) / step) * step, Math.ceil((hi + p) / step) * step]
}

const BRAND = '#19635a'
const DANGER = '#b42318'

/** x (importance) in the chart's unit: shares as percentages, r and stated as they are. */
const toX = (v: number | null, source: ImportanceSource) =>
  v === null ? null : source === 'share' ? v * 100 : v

/** Importance–performance scatter with crosshairs and quadrant names (chart.js). */
export const ImportanceChart = memo(function ImportanceChart({
  rows,
  labels,
  model,
  mapping,
}: Props) {
  const source = model.crosshair.source
  const config = useMemo((): ChartConfiguration<'scatter'> | null => {
    if (source === null) return null
    const points = rows
      .map((r) => ({ r, x: toX(importanceOf(r, source), source), y: r.score10 }))
      .filter((p): p is { r: AttributeRow; x: number; y: number } => p.x !== null && p.y !== null)
    const cx = toX(model.crosshair.importance, source)
    const cy = toScore10(model.crosshair.performance, mapping)
    const xs = [...points.map((p) => p.x), ...(cx === null ? [] : [cx])]
    const ys = [...points.map((p) => p.y), ...(cy === null ? [] : [cy])]
    const [xMin, xMax] = niceBounds(xs, xStep[source], 0.12)
    const [yMin, yMax] = niceBounds(ys, 1, 0.1)
    const floor10 = toScore10(1, mapping) ?? 0
    return {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Attributes',
            data: points.map((p) => ({ x: p.x, y: p.y })),
            pointRadius: 6,
            pointHoverRadius: 8,
            pointBackgroundColor: points.map((p) =>
              p.r.priority === 'fix-first' ? DANGER : BRAND,
            ),
            pointBorderColor: '#fff',
            pointBorderWidth: 1.5,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        layout: { padding: { top: 4, right: 8 } },
        scales: {
          x: {
            type: 'linear',
            min: source === 'share' ? Math.max(0, xMin) : xMin,
            max: xMax,
            title: { display: true, text: axisTitle[source] },
            ticks: {
              callback: (v) =>
                source === 'share' ? `${Math.round(Number(v))}%` : Number(v).toFixed(1),
              maxTicksLimit: 8,
            },
            grid: { color: '#eef2f6' },
          },
          y: {
            type: 'linear',
            min: Math.max(floor10, yMin),
            max: Math.min(10, yMax),
            title: { display: true, text: 'Performance: score /10' },
            grid: { color: '#eef2f6' },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => {
                const key = points[items[0]!.dataIndex]!.r.key
                return labels[key] ?? key
              },
              label: (item) => {
                const r = points[item.dataIndex]!.r
                return [
                  `Score ${fixed(r.score10, 1)} /10`,
                  `Importance ${formatImportance(importanceOf(r, source), source)}`,
                  r.priority ? `${priorityName[r.priority]} (${quadrantName[r.quadrant!]})` : '',
                ]
              },
            },
          },
          ipa: {
            x: cx,
            y: cy,
            corners: [
              quadrantName['possible-overkill'],
              quadrantName['keep-up'],
              quadrantName['low-priority'],
              quadrantName['concentrate-here'],
            ],
            // The table's label, not a second one made from the key (issue 19).
            labels: points.map((p) => labels[p.r.key] ?? p.r.key),
          },
        },
      },
      plugins: [ipaPlugin],
    }
  }, [rows, labels, model, mapping, source])

  if (!config) return null
  const concentrate = rows
    .filter((r) => r.priority === 'fix-first')
    .map((r) => labels[r.key] ?? r.key)
  return (
    <Chart
      config={config}
      height={420}
      label={`Importance–performance chart. ${
        concentrate.length
          ? `${priorityName['fix-first']}: ${concentrate.join('; ')}.`
          : `No attribute is “${priorityName['fix-first']}”.`
      } The numbers are in the strengths and weaknesses table.`}
    />
  )
})
