import type { PeriodTrend } from '../../reports'
import { count, num, pValue, signed } from './file-report/format'
import { mdTable } from './file-report/md-table'

/** Index /100 with its interval: `54.2 (40.1–68.3)`. */
function index(v: PeriodTrend['points'][number]['csi']) {
  if (v?.score10 == null) return '–'
  const ci =
    v.score10Low == null || v.score10High == null
      ? ''
      : ` (${num(v.score10Low * 10, 1)}–${num(v.score10High * 10, 1)})`
  return `${num(v.score10 * 10, 1)}${ci}`
}

/**
 * `csi report --wave <continuous wave> --by period`: the index per period in time order with the
 * tested change from the previous shown period, suppressed and empty periods said in words.
 */
export function renderPeriodTrend(trend: PeriodTrend & { reportingPeriod: string }): string {
  const points = trend.points
  const change = (period: string) => {
    const c = trend.changes.find((x) => x.key === 'csi' && x.toPeriod === period)
    if (!c) return '–'
    const verdict = c.significant ? 'significant' : 'not significant'
    return `${signed(c.diff10 * 10, 1)} (${verdict}, p ${pValue(c.pAdjusted)})`
  }
  const lines = [
    `## By ${trend.reportingPeriod === 'month' ? 'month' : 'quarter'} (CSI /100, 95% CI)`,
    '',
    ...mdTable([
      { title: 'Period', cells: points.map((p) => p.label) },
      { title: 'n', align: 'right', cells: points.map((p) => count(p.responses)) },
      {
        title: 'CSI /100',
        cells: points.map((p) =>
          p.suppressed
            ? `suppressed (fewer than ${trend.minGroup})`
            : p.n === null
              ? 'no responses'
              : index(p.csi),
        ),
      },
      { title: 'Change from the period before', cells: points.map((p) => change(p.period)) },
    ]),
    '',
    `Periods with fewer than ${trend.minGroup} responses are suppressed; changes skip over them.`,
  ]
  return `${lines.join('\n')}\n`
}
