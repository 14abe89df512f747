import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { reportCsvColumns } from '../../../server/results/report-csv'
import { runCsi } from '../../helpers/cli'
import { repoRoot } from '../../helpers/repo-root'

const fixture = join(repoRoot, 'test/fixtures/report/responses.csv')
const fixtureText = readFileSync(fixture, 'utf8')
const dir = mkdtempSync(join(tmpdir(), 'csi-report-'))

const csi = (...args: string[]) => runCsi(['report', ...args])

/** A variant of the fixture written to a temp file. */
function variant(name: string, text: string) {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const json = async (...args: string[]) => {
  const out = await csi(...args, '--format', 'json')
  expect(out.stderr).toBe('')
  expect(out.code).toBe(0)
  return JSON.parse(out.stdout)
}

const group = (report: any, audience: string, segment: string | null = null) =>
  report.groups.find((g: any) => g.audience === audience && (g.segment?.value ?? null) === segment)
const attr = (g: any, key: string) => g.attributes.find((a: any) => a.key === key)

/*
 * test/fixtures/report/responses.csv, worked by hand:
 * customers (6): CSI = (o+r)/2 per row = 4.5, 5, 3.5, 3.5, 2, 4 → Σ 22.5 / 6 = 3.75;
 *   deviations .75 1.25 −.25 −.25 −1.75 .25 → Σd² 5.375 / 5 = 1.075 → sd √1.075;
 *   /10 linear = (3.75 − 1)/4 × 10 = 6.875 → concern; overall Σ 22/6; rebuy Σ 23/6;
 *   delivery 3,4,2,3,2 (c6 empty) → 14/5 = 2.8; quality 4,5,3,4,5 (c5 empty) → 21/5 = 4.2.
 *   north (c1,c2,c6): CSI 13.5/3 = 4.5; south (c3,c4,c5): 9/3 = 3.
 * employees (5): overall 4,5,4,3,4 (mean 4), rebuy 4,4,5,4,4 (mean 4.2): covariance Σ = 0,
 *   so α = 0 < 0.60 and the CSI is withheld; delivery 22/5 = 4.4; quality 22/5 = 4.4.
 * gap delivery = 4.4 − 2.8 = 1.6; quality = 4.4 − 4.2 = 0.2.
 */
describe('csi report on a hand-made 5.3 file', { concurrent: true, timeout: 60_000 }, () => {
  test('json has the hand-computed numbers', async () => {
    const r = await json(fixture)
    const c = group(r, 'customer')
    expect(c.n).toBe(6)
    expect(c.responseRate).toBeNull()
    expect(c.csi.mean).toBeCloseTo(3.75, 12)
    expect(c.csi.sd).toBeCloseTo(Math.sqrt(1.075), 12)
    expect(c.csi.score10).toBeCloseTo(6.875, 12)
    expect(c.csi.band).toBe('concern')
    expect(c.overall.mean).toBeCloseTo(22 / 6, 12)
    expect(c.rebuy.mean).toBeCloseTo(23 / 6, 12)
    expect(attr(c, 'delivery')).toMatchObject({ n: 5, mean: 2.8 })
    expect(attr(c, 'quality').n).toBe(5)
    expect(attr(c, 'quality').mean).toBeCloseTo(4.2, 12)
    const e = group(r, 'employee')
    expect(e.n).toBe(5)
    expect(e.csi.mean).toBeNull()
    expect(e.csi.alpha).toBeCloseTo(0, 12)
    expect(attr(e, 'delivery').mean).toBeCloseTo(4.4, 12)
    const gap = r.gaps.find((g: any) => g.key === 'delivery')
    expect(gap).toMatchObject({ groupA: 'employee', groupB: 'customer', nA: 5, nB: 5 })
    expect(gap.gap).toBeCloseTo(1.6, 12)
    expect(r.source).toMatchObject({
      file: 'responses.csv',
      rows: 11,
      delimiter: ',',
      columns: {
        audience: 'audience',
        overall: 'overall',
        rebuy: 'rebuy',
        attributes: ['delivery', 'quality'],
        attributesFrom: 'detected',
        segments: ['region'],
        ignored: ['respondent', 'wave'],
      },
    })
  })

  test('BOM, semicolons and CRLF give the same report', async () => {
    const text = '\uFEFF' + fixtureText.replaceAll(',', ';').replaceAll('\n', '\r\n')
    const a = await json(fixture)
    const b = await json(variant('bom-semicolon.csv', text))
    expect(b.source.delimiter).toBe(';')
    expect({ ...b, source: null }).toEqual({ ...a, source: null })
  })

  test('--na 0 reads 0 as not applicable; without it 0 is refused with a hint', async () => {
    const text = fixtureText.replace('c6,customer,north,4,4,,5', 'c6,customer,north,4,4,0,5')
    const path = variant('na0.csv', text)
    const withNa = await json(path, '--na', '0')
    expect({ ...withNa, source: null, config: null }).toEqual({
      ...(await json(fixture)),
      source: null,
      config: null,
    })
    const refused = await csi(path)
    expect(refused.code).not.toBe(0)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('row 7, column "delivery": "0" is not an integer 1–5')
    expect(refused.stderr).toContain('pass --na 0')
  })

  test.each([
    ['7', 'c3,customer,south,3,4,2,7'],
    ['3.5', 'c3,customer,south,3,4,2,3.5'],
  ])('a value %s refuses the file naming row and column', async (value, row) => {
    const text = fixtureText
      .replace('c3,customer,south,3,4,2,3', row)
      .replace('e2,employee,north,5,4,5,4', 'e2,employee,north,5,4,9,4')
    const out = await csi(variant(`bad-${value}.csv`, text))
    expect(out.code).not.toBe(0)
    expect(out.stdout).toBe('')
    const lines = out.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(
      `row 4, column "quality": "${value}" is not an integer 1–5, empty, or an --na code`,
    )
    expect(lines[0]).toContain('2 rows refused: 4 (quality')
    expect(lines[0]).toContain('9 (delivery "9")')
  })

  test('--by region adds segment groups; small employee breakouts are suppressed', async () => {
    const r = await json(fixture, '--by', 'region')
    expect(group(r, 'customer', 'north').csi.mean).toBeCloseTo(4.5, 12)
    expect(group(r, 'customer', 'south').csi.mean).toBeCloseTo(3, 12)
    expect(group(r, 'customer', 'north').segment).toEqual({ column: 'region', value: 'north' })
    expect(group(r, 'employee', 'north')).toMatchObject({ suppressed: true })
    expect(group(r, 'employee', 'north').n).toBeUndefined()
  })

  test('--format csv neutralises formulas and has CSI rows', async () => {
    const text = fixtureText.replace(
      'c1,customer,north',
      'c1,customer,"=HYPERLINK(""http://x"",""y"")"',
    )
    const out = await csi(variant('formula.csv', text), '--by', 'region', '--format', 'csv')
    expect(out.code).toBe(0)
    const lines = out.stdout.split('\r\n')
    // The API's report.csv format: a file report has no question labels, so those cells are empty.
    expect(lines[0]).toBe(reportCsvColumns.join(','))
    expect(out.stdout).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(out.stdout).not.toMatch(/(^|,)=HYPERLINK/m)
    expect(lines[1]).toMatch(
      /^csi,customer,,,,overall-rebuy,Customer satisfaction index,6,,,3\.75,/,
    )
    expect(
      lines.filter((l) => l.startsWith('attribute,customer,,,,delivery,,5,,,2.8,')),
    ).toHaveLength(1)
    expect(out.stdout).toMatch(
      /^gap,employee,,,,delivery,,5,,,4\.4,.*,customer,1\.6\d*,.*,dangerous,/m,
    )
  })

  test('md is the default: CSI, band words, legend, gap verdicts', async () => {
    const out = await csi(fixture)
    expect(out.code).toBe(0)
    expect(out.stdout).toContain('**CSI 3.75 → 6.9/10 Concern**')
    expect(out.stdout).toContain(
      '**CSI withheld**: overall and rebuy diverge (Cronbach α = 0.00 < 0.60)',
    )
    expect(out.stdout).toMatch(/\| delivery +\| +5 \| +2\.80 ±\d\.\d\d \| 4\.5 \| Concern /)
    expect(out.stdout).toMatch(
      /\| delivery +\| +4\.40 \(5\) \| +2\.80 \(5\) \| \+1\.60 \|.*\| Dangerous gap/,
    )
    expect(out.stdout).toContain('- Flag L = low base: fewer than 30 answers')
    expect(out.stdout).toContain('- Band Concern (under 7.0 on /10): a weakness')
    expect(out.stdout).toContain('reports/README.md')
    expect(Math.max(...out.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100)
  })

  // Every option's refusal is covered in report-io/read-csv.test.ts; these check the CLI path.
  test.each([
    [['--format', 'xml'], '--format: "xml" is not one of md, csv, json'],
    [['--min-group', '2'], '--min-group: "2" must be a whole number of at least 3'],
    [['--by', 'country'], '--by: the file has no column "country"'],
    [['--survey', 'nope.json'], '--survey: cannot read nope.json'],
  ])('%j is refused with one line naming the option', async (args, message) => {
    const out = await csi(fixture, ...args)
    expect(out.code).not.toBe(0)
    expect(out.stdout).toBe('')
    expect(out.stderr).toContain(message)
    expect(out.stderr.trim().split('\n')).toHaveLength(1)
  })

  test.each([
    ['missing.csv', null, 'cannot read'],
    ['empty.csv', '', 'the file is empty'],
    ['header-only.csv', 'audience,overall\r\n', 'the file has a header but no responses'],
  ])('%s is refused with a clear message', async (name, text, message) => {
    const path = text === null ? join(dir, name) : variant(name, text)
    const out = await csi(path)
    expect(out.code).not.toBe(0)
    expect(out.stderr).toContain(message)
  })

  test('--survey takes the attribute keys of a SurveyJS definition', async () => {
    const survey = {
      audience: 'customer',
      pages: [
        {
          elements: [
            { type: 'rating', name: 'overall', rateMin: 1, rateMax: 5 },
            { type: 'rating', name: 'quality', rateMin: 1, rateMax: 5 },
          ],
        },
      ],
    }
    const path = variant('survey.json', JSON.stringify(survey))
    const r = await json(fixture, '--survey', path)
    // delivery is not in the survey, so it is just another column (a segment, SPEC §5.3)
    expect(r.source.columns).toMatchObject({
      attributes: ['quality'],
      attributesFrom: 'survey',
      segments: ['region', 'delivery'],
    })
    expect(group(r, 'customer').attributes.map((a: any) => a.key)).toEqual(['quality'])
  })

  test('--weights: post-stratified to region 80/20, worked by hand', async () => {
    // CSI-2 north 4.5, 5, 4 (mean 4.5, s² 0.25), south 3.5, 3.5, 2 (mean 3, s² 0.75):
    // 0.8·4.5 + 0.2·3 = 4.2; Var = 0.8²·0.25/3 + 0.2²·0.75/3 = 0.19/3; t(0.975, 6 − 2) from
    // scipy = 2.7764451051977934. Employees stay unweighted.
    const pop = variant('population.csv', 'region,share\nnorth,80\nsouth,20\n')
    const r = await json(fixture, '--weights', pop)
    const c = group(r, 'customer')
    expect(c.weighting).toMatchObject({ method: 'post-stratification', n: 6, trimmed: 0 })
    expect(Math.abs(c.csi.mean - 4.2)).toBeLessThan(1e-12)
    const half = 2.7764451051977934 * Math.sqrt(0.19 / 3)
    expect(Math.abs(c.csi.ciHigh - (4.2 + half))).toBeLessThan(1e-9)
    expect(c.unweighted.csi.mean).toBeCloseTo(3.75, 12)
    expect(group(r, 'employee').weighting).toBeUndefined()
    const bad = variant('bad-population.csv', 'region,share\nnorth,80\nsouth,15\nwest,5\n')
    const out = await csi(fixture, '--weights', bad)
    expect(out.code).not.toBe(0)
    expect(out.stderr).toContain('--weights: population cell region = "west" has no respondents')
  })
})

const data = resolve(repoRoot, '../shared/data')
const hasData = existsSync(join(data, 'SOURCES.md'))
if (!hasData) console.warn(`csi report real-data tests skipped: ${data} is absent`)

/** The file's rows split on the delimiter (these files have no quoted delimiters). */
function table(file: string, delimiter = ',') {
  const lines = readFileSync(join(data, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
  const header = lines[0].split(delimiter)
  return { header, rows: lines.slice(1).map((l) => l.split(delimiter)) }
}

function columnMean(file: string, column: string, na: string[]) {
  const { header, rows } = table(file)
  const i = header.indexOf(column)
  let sum = 0
  let n = 0
  for (const row of rows) {
    if (row[i] === '' || na.includes(row[i])) continue
    sum += Number(row[i])
    n++
  }
  return { mean: sum / n, n, rows: rows.length }
}

const airlineServices = [
  'Inflight wifi service',
  'Departure/Arrival time convenient',
  'Ease of Online booking',
  'Gate location',
  'Food and drink',
  'Online boarding',
  'Seat comfort',
  'Inflight entertainment',
  'On-board service',
  'Leg room service',
  'Baggage handling',
  'Checkin service',
  'Inflight service',
  'Cleanliness',
]

describe.skipIf(!hasData)(
  'csi report on the real files in ../shared/data',
  { concurrent: true, timeout: 60_000 },
  () => {
    test('airline passengers: 14 services with 0 = not applicable, CSI = attribute mean', async () => {
      const file = 'airline_passenger_satisfaction_test.csv'
      const r = await json(
        join(data, file),
        '--na',
        '0',
        '--audience',
        'customer',
        '--attributes',
        airlineServices.join(','),
        '--by',
        'Class',
      )
      const expected = columnMean(file, 'Seat comfort', ['0'])
      const c = group(r, 'customer')
      expect(r.csiDefinition).toBe('attributes')
      expect(c.n).toBe(expected.rows)
      expect(c.n).toBe(25976)
      expect(attr(c, 'Seat comfort').n).toBe(expected.n)
      expect(Math.abs(attr(c, 'Seat comfort').mean - expected.mean)).toBeLessThan(1e-9)
      const wifi = columnMean(file, 'Inflight wifi service', ['0'])
      expect(Math.abs(attr(c, 'Inflight wifi service').mean - wifi.mean)).toBeLessThan(1e-9)
      expect(r.source.columns.ignored).toEqual(['(unnamed column 1)', 'id'])
      expect(group(r, 'customer', 'Eco Plus').n).toBe(
        table(file).rows.filter((row) => row[6] === 'Eco Plus').length,
      )
    })

    test('ABC dimensions: NA codes, Satisfaction as overall, Repurchase as rebuy', async () => {
      const file = 'abc_customer_satisfaction_survey_dimensions.csv'
      const r = await json(
        join(data, file),
        '--na',
        'NA',
        '--overall',
        'Satisfaction',
        '--rebuy',
        'Repurchase',
        '--audience',
        'customer',
        '--by',
        'country',
      )
      const c = group(r, 'customer')
      const equipment = columnMean(file, 'Equipment', ['NA'])
      expect(c.n).toBe(equipment.rows)
      expect(attr(c, 'Equipment').n).toBe(equipment.n)
      expect(Math.abs(attr(c, 'Equipment').mean - equipment.mean)).toBeLessThan(1e-9)
      expect(Math.abs(c.overall.mean - columnMean(file, 'Satisfaction', ['NA']).mean)).toBeLessThan(
        1e-9,
      )
      expect(r.source.columns).toMatchObject({
        overall: 'Satisfaction',
        rebuy: 'Repurchase',
        segments: ['country'],
        ignored: ['ID'],
      })
      expect(group(r, 'customer', 'Germany').n).toBe(112)
    })

    test('corporate reputation (semicolons, -99): the 1–7 items are refused naming row and column', async () => {
      const file = 'corporate_reputation_mobile_providers.csv'
      const out = await csi(join(data, file), '--na', '-99', '--audience', 'customer')
      expect(out.code).not.toBe(0)
      const m = out.stderr.match(/row (\d+), column "([^"]+)": "([^"]+)" is not an integer 1–5/)
      expect(m).not.toBeNull()
      const { header, rows } = table(file, ';')
      expect(rows[Number(m![1]) - 2][header.indexOf(m![2])]).toBe(m![3])
      expect(out.stderr).toContain('looks like a wider scale')
    })

    test('IBM HR (BOM): employee attitude columns, first header cell is "Age"', async () => {
      const file = 'ibm_hr_employee_attrition.csv'
      const attributes =
        'EnvironmentSatisfaction,JobSatisfaction,RelationshipSatisfaction,WorkLifeBalance'
      const r = await json(
        join(data, file),
        '--audience',
        'employee',
        '--attributes',
        attributes,
        '--by',
        'Department',
      )
      expect(r.source.columns.segments[0]).toBe('Age')
      const e = group(r, 'employee')
      expect(e.n).toBe(1470)
      const job = columnMean(file, 'JobSatisfaction', [])
      expect(Math.abs(attr(e, 'JobSatisfaction').mean - job.mean)).toBeLessThan(1e-9)
      expect(job.mean).toBeCloseTo((289 + 280 * 2 + 442 * 3 + 459 * 4) / 1470, 12)
      expect(group(r, 'employee', 'Human Resources').n).toBe(63)
    })
  },
)
