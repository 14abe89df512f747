import { describe, expect, test } from 'vitest'
import type { WeightedGroupReport } from '../../../../reports'
import {
  fileReport,
  parsePopulationCsv,
  parseReportOptions,
  readResponsesCsv,
  renderCsv,
  renderJson,
  renderMarkdown,
  withWeights,
  type RawReportOptions,
} from '../../../../server/results/file-report/index'

// `csi report --weights` on the worked example of METHODOLOGY §9 (customers by channel,
// population 70/30). Expected values: test/reports/fixtures/weighting-expected.py (numpy/scipy).

const responses = [
  'audience,channel,overall,rebuy,A1,A2,A3,A4,A5',
  'customer,end,4,4,5,3,3,2,4',
  'customer,end,3,3,4,2,2,3,4',
  'customer,end,4,5,5,4,4,2,5',
  'customer,end,4,4,4,3,,3,4',
  'customer,end,2,2,3,2,2,2,3',
  'customer,end,5,5,5,4,4,4,5',
  'customer,end,4,3,4,3,3,3,4',
  'customer,end,3,3,4,2,2,3,3',
  'customer,channel,4,4,5,3,4,2,4',
  'customer,channel,4,4,4,3,3,4,5',
  'customer,channel,3,2,3,2,3,2,4',
  'customer,channel,5,5,5,4,4,3,4',
].join('\n')

async function weighted(population: string, raw: RawReportOptions = {}, text = responses) {
  const req = withWeights(parseReportOptions(raw), parsePopulationCsv(population, 'pop.csv'))
  return fileReport(await readResponsesCsv(text, req, { file: 'f.csv' }), req)
}

const close = (got: number | null | undefined, want: number) =>
  expect(Math.abs((got ?? NaN) - want)).toBeLessThan(1e-9)

describe('--weights with cells: post-stratification', () => {
  test('weighted CSI 3.70 (CI 3.071–4.329 on 10 df), unweighted beside it, in every format', async () => {
    const r = await weighted('channel,share\nend,70\nchannel,30\n')
    const g = r.groups[0] as unknown as WeightedGroupReport
    close(g.csi.mean, 3.6999999999999993)
    close(g.csi.ciLow, 3.0710192521697968)
    close(g.csi.ciHigh, 4.328980747830202)
    close(g.weighting.deff, 1.005)
    close(g.unweighted.csi.mean, 89 / 24) // (Σ overall + Σ rebuy) / 24, by hand
    const json = JSON.parse(renderJson(r))
    expect(json.groups[0].weighting).toMatchObject({ method: 'post-stratification', n: 12 })
    expect(json.groups[0].unweighted.csi.mean).toBe(g.unweighted.csi.mean)
    const md = renderMarkdown(r).replace(/\s+/g, ' ')
    expect(md).toContain('Weighted by post-stratification on channel: n = 12, effective n = 11.9')
    expect(md).toContain('**Weighted CSI 3.70 → 6.8/10 Concern**')
    expect(md).toContain(`**Unweighted CSI ${(89 / 24).toFixed(2)}`)
    const csv = renderCsv(r).split('\r\n')
    expect(csv.filter((l) => l.startsWith('csi,')).map((l) => l.split(',')[4])).toEqual([
      'post-stratification',
      'none',
    ])
    expect(
      csv.some((l) =>
        l.startsWith('weighting,customer,,,post-stratification,channel,,12,11.94,1.005,'),
      ),
    ).toBe(true)
  })

  test('margins form rakes: same weights here, the linearised CI on 11 df', async () => {
    const r = await weighted('variable,value,share\nchannel,end,0.7\nchannel,channel,0.3\n')
    const g = r.groups[0] as unknown as WeightedGroupReport
    expect(g.weighting).toMatchObject({ method: 'raking', converged: true })
    close(g.csi.mean, 3.6999999999999997)
    close(g.csi.ciLow, 3.101538598355307)
    close(g.csi.ciHigh, 4.298461401644692)
  })
})

describe('bad population files name the row and column', () => {
  test.each([
    [
      'channel,share\nend,70\nchannel,abc\n',
      'pop.csv row 3, column "share": "abc" must be a number above 0',
    ],
    [
      'channel,share\nend,70\nend,30\n',
      'pop.csv row 3, column "channel": the cell end is listed twice',
    ],
    ['channel,weight\nend,70\n', 'pop.csv needs exactly one "share" or "count" column'],
    ['variable,value,count\nchannel,,5\n', 'pop.csv row 2, column "value": empty'],
  ])('%s', async (pop, message) => {
    await expect(weighted(pop)).rejects.toThrow(message)
  })

  test('a variable that is not a column, a value nobody has, a respondent outside the cells', async () => {
    await expect(weighted('region,share\nnorth,1\n')).rejects.toThrow(
      '--weights: the responses have no column "region"',
    )
    await expect(weighted('channel,share\nend,6\nchannel,3\nonline,1\n')).rejects.toThrow(
      '--weights: population cell channel = "online" has no respondents',
    )
    await expect(weighted('channel,share\nend,7\n')).rejects.toThrow(
      '--weights: row 10: channel = "channel" is not a cell of the population file',
    )
    await expect(weighted('audience,share\ncustomer,1\n')).rejects.toThrow(
      'weighting by audience is not supported',
    )
    await expect(
      weighted('channel,share\nend,7\nchannel,3\n', { trimWeights: '1' }),
    ).rejects.toThrow('--trim-weights: "1" must be a number above 1')
  })
})
