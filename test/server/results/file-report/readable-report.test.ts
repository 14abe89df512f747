import { describe, expect, test } from 'vitest'
import type { GroupReport } from '../../../../reports'
import {
  fileReport,
  parseReportOptions,
  readResponsesCsv,
  renderCsv,
  renderMarkdown,
  type RawReportOptions,
} from '../../../../server/results/file-report/index'
import { reportCsvColumns } from '../../../../server/results/report-csv'

// Issue 19, the small items: words that agree with the JSON, counts that count the right rows,
// a CSV rounded for people and carrying every statistic, intervals inside the scale.

async function report(lines: string[], raw: RawReportOptions = {}) {
  const req = parseReportOptions(raw)
  return fileReport(await readResponsesCsv(lines.join('\n'), req, { file: 'f.csv' }), req)
}

const csvRows = (out: string) => {
  const [head, ...rest] = out.trimEnd().split('\r\n')
  const names = head!.split(',')
  return rest.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])))
}

describe('md words agree with the JSON', () => {
  test('n = 1: the CSI names its definition, not "mean of k attribute means"', async () => {
    const r = await report(['audience,overall,rebuy,a,b', 'customer,4,5,3,4'])
    expect(r.csiDefinition).toBe('overall-rebuy')
    const md = renderMarkdown(r)
    expect(md).toContain('overall-rebuy, no CI with n = 1')
    expect(md).not.toMatch(/attribute means/)
  })

  test('a composite CSI counts the attributes it averaged', async () => {
    const r = await report(['audience,overall,a,b,c', 'customer,4,3,4,', 'customer,5,4,5,'], {
      csi: 'attributes',
    })
    expect(renderMarkdown(r)).not.toContain('mean of 3 attribute means')
  })

  test('"adjusted across the N tested attributes" counts only the tested ones', async () => {
    // q and s tested; t has 1 customer answer (no test); 5 attributes in all
    const emp = ['employee,5,4,5,4,4', 'employee,4,5,4,5,5', 'employee,5,5,5,4,4']
    const lines = [
      'audience,q,s,t,u,v',
      ...emp,
      'employee,4,4,5,4,4',
      'employee,5,4,4,5,5',
      'customer,2,3,3,,',
      'customer,3,2,,,',
      'customer,2,3,,,',
    ]
    const r = await report(lines)
    const tested = r.gaps.filter((g) => g.pAdjusted !== null).map((g) => g.key)
    expect(tested).toEqual(['q', 's'])
    const md = renderMarkdown(r).replace(/\s+/g, ' ')
    expect(md).toContain('across the 2 tested attributes')
    expect(md).not.toContain('across the 5 attributes')
  })
})

describe('report CSV', () => {
  const lines = [
    'audience,overall,rebuy,a,b',
    'customer,4,5,3,4',
    'customer,5,4,4,5',
    'customer,3,3,2,4',
    'customer,4,4,5,3',
    'customer,5,5,4,4',
    'customer,2,3,3,2',
    'employee,5,5,5,5',
    'employee,4,5,5,4',
    'employee,5,4,4,5',
    'employee,5,5,5,4',
    'employee,4,4,5,5',
  ]

  test('numbers rounded for people; the JSON keeps full precision', async () => {
    const r = await report(lines)
    const rows = csvRows(renderCsv(r))
    const csi = rows.find((x) => x.section === 'csi' && x.audience === 'customer')!
    const g = r.groups.find((x) => x.audience === 'customer') as GroupReport
    // numpy: np.std([4.5, 4.5, 3, 4, 5, 2.5], ddof=1) = 0.9703951085339758
    expect(g.csi.sd).toBe(0.9703951085339758) // full precision in the report object
    expect(csi.sd).toBe('0.97')
    for (const row of rows)
      for (const [k, v] of Object.entries(row)) {
        const what = `${row.section} ${row.key} ${k} = ${v}`
        if (k.startsWith('p')) {
          // p-values keep 3 significant digits, so a tiny p never reads 0
          expect(v.replace(/^0\.0*|\./g, '').length, what).toBeLessThanOrEqual(3)
        } else {
          const decimals = /^-?\d+\.(\d+)$/.exec(v)?.[1]?.length ?? 0
          expect(decimals, what).toBeLessThanOrEqual(3)
        }
      }
  })

  test('carries gaps, top-2-box, net score and α', async () => {
    const r = await report(lines)
    expect(reportCsvColumns).toEqual(
      expect.arrayContaining(['top2box', 'net', 'alpha', 'gap', 'p_adjusted', 'cliffs_delta']),
    )
    const rows = csvRows(renderCsv(r))
    const gaps = rows.filter((x) => x.section === 'gap')
    expect(gaps.map((x) => x.key)).toEqual(['a', 'b'])
    expect(gaps[0]!.gap).toBe(String(Number((4.8 - 3.5).toFixed(3)))) // 24/5 − 21/6, by hand
    const a = rows.find(
      (x) => x.section === 'attribute' && x.audience === 'customer' && x.key === 'a',
    )!
    // a: 3,4,2,5,4,3 → top-2-box 3/6 = 0.5; net (3 − 1)/6 = 0.333, by hand
    expect(a.top2box).toBe('0.5')
    expect(a.net).toBe('0.333')
    const csi = rows.find((x) => x.section === 'csi' && x.audience === 'customer')!
    const g = r.groups.find((x) => x.audience === 'customer') as GroupReport
    expect(csi.alpha).toBe(String(Number(g.csi.alpha!.toFixed(3))))
    expect(rows.find((x) => x.section === 'battery' && x.audience === 'customer')?.n).toBe('6')
  })
})

describe('the scale bounds intervals and segments', () => {
  test('/10 limits stay within 0–10: the t-interval of 5, 5, 4 runs to 6.10 on 1–5', async () => {
    // scipy: stats.t.interval(0.95, 2, loc=14/3, scale=sd/√3) = (3.2324490900835, 6.1008842432498)
    const r = await report(['audience,a', 'customer,5', 'customer,5', 'customer,4'])
    const a = (r.groups[0] as GroupReport).attributes[0]!
    expect(a.ciHigh).toBe(5)
    expect(a.score10High).toBe(10)
    expect(Math.abs(a.ciLow! - 3.232449090083513)).toBeLessThan(1e-12)
    expect(a.flags).toContain('insufficientPrecision') // judged on the interval as computed
  })

  test('an empty column is neither a rating nor a segment', async () => {
    const r = await report(['audience,overall,comment,a', 'customer,4,,3', 'customer,5,,4'])
    expect(r.source.columns.segments).toEqual([])
    expect(r.source.columns.ignored).toContain('comment')
  })
})
