import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { modes, type Mode } from '../../../server/db/schema'
import { compileRowReader } from '../../../server/responses/response-row-answers'
import type { RowAnswers, RowIssue } from '../../../server/responses/response-row-answers'
import { toCsv } from '../../../server/lib/csv'
import { flattenAnswers, responseColumns } from '../../../server/responses/responses-csv'
import type { Audience, SurveyDefinition } from '../../../server/surveys'
import { ratingsOf, shippedSurveys, surveyRoles, validateAnswers } from '../../../server/surveys'
import { itemValues, walkQuestions } from '../../../server/surveys/json-walk'

const survey = (id: Audience) => shippedSurveys.find((s) => s.id === id)!
const customer = survey('customer').definition

function readerFor(definition: SurveyDefinition, audience: Audience, header: string[]) {
  const reader = compileRowReader(definition, audience, header)
  if (!reader.ok) throw new Error(reader.issues.map((i) => i.message).join('; '))
  return reader
}

/** Reads one row whose header is its own keys. */
function readRow(row: Record<string, string>, id: Audience = 'customer') {
  return readerFor(survey(id).definition, id, Object.keys(row)).read(row)
}

function readOk(row: Record<string, string>, id: Audience = 'customer'): RowAnswers {
  const result = readRow(row, id)
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
  return result.value
}

function issuesOf(row: Record<string, string>, id: Audience = 'customer'): RowIssue[] {
  const result = readRow(row, id)
  return result.ok ? [] : result.issues
}

const fixed = {
  respondent: ' r17 ',
  wave: 'w-2024-spring',
  mode: 'postal',
  submitted_at: '2024-05-01T09:30:00Z',
}

const fullRows: Array<{
  id: Audience
  row: Record<string, string>
  answers: Record<string, unknown>
  extra: Record<string, string>
}> = [
  {
    id: 'customer',
    row: {
      ...fixed,
      audience: 'customer',
      overall: '2',
      rebuy: '3',
      product_quality: '4',
      delivery_reliability: '3',
      order_accuracy: '5',
      technical_support: '',
      price_value: '2',
      ease_of_ordering: '4',
      complaint_handling: '1',
      sales_support: '5',
      imp_product_quality: '5',
      imp_delivery_reliability: '5',
      imp_order_accuracy: '4',
      imp_technical_support: '3',
      imp_price_value: '4',
      imp_ease_of_ordering: '',
      imp_complaint_handling: '2',
      imp_sales_support: '1',
      region: 'North',
      customer_size: 'small',
      low_score_reason: 'Deliveries were late twice.',
      comments: 'Friendly team',
      sales_rep: ' Anna ',
      batch: '',
    },
    answers: {
      overall: 2,
      rebuy: 3,
      attributes: {
        product_quality: 4,
        delivery_reliability: 3,
        order_accuracy: 5,
        price_value: 2,
        ease_of_ordering: 4,
        complaint_handling: 1,
        sales_support: 5,
      },
      importance: {
        product_quality: 5,
        delivery_reliability: 5,
        order_accuracy: 4,
        technical_support: 3,
        price_value: 4,
        complaint_handling: 2,
        sales_support: 1,
      },
      region: 'north',
      customer_size: 'small',
      low_score_reason: 'Deliveries were late twice.',
      comments: 'Friendly team',
    },
    extra: { sales_rep: 'Anna' },
  },
  {
    id: 'wholesaler',
    row: {
      ...fixed,
      audience: 'wholesaler',
      overall: '4',
      rebuy: '5',
      product_quality: '4',
      delivery_reliability: '4',
      order_accuracy: '3',
      technical_support: '5',
      price_value: '3',
      ease_of_ordering: '4',
      complaint_handling: '',
      sales_support: '4',
      stock_availability: '2',
      lead_time: '3',
      trade_terms: '4',
      promotional_support: '1',
      region: 'east',
      order_frequency: 'Monthly',
      comments: '',
      branch: 'Leeds',
    },
    answers: {
      overall: 4,
      rebuy: 5,
      attributes: {
        product_quality: 4,
        delivery_reliability: 4,
        order_accuracy: 3,
        technical_support: 5,
        price_value: 3,
        ease_of_ordering: 4,
        sales_support: 4,
        stock_availability: 2,
        lead_time: 3,
        trade_terms: 4,
        promotional_support: 1,
      },
      region: 'east',
      order_frequency: 'monthly',
    },
    extra: { branch: 'Leeds' },
  },
  {
    id: 'retailer',
    row: {
      ...fixed,
      audience: 'retailer',
      overall: '3',
      rebuy: '4',
      product_quality: '3',
      delivery_reliability: '2',
      order_accuracy: '4',
      technical_support: '3',
      price_value: '5',
      ease_of_ordering: '5',
      complaint_handling: '4',
      sales_support: '3',
      stock_availability: '4',
      lead_time: '2',
      trade_terms: '',
      promotional_support: '4',
      region: 'international',
      store_type: 'chain',
      comments: 'More shelf displays, please.',
    },
    answers: {
      overall: 3,
      rebuy: 4,
      attributes: {
        product_quality: 3,
        delivery_reliability: 2,
        order_accuracy: 4,
        technical_support: 3,
        price_value: 5,
        ease_of_ordering: 5,
        complaint_handling: 4,
        sales_support: 3,
        stock_availability: 4,
        lead_time: 2,
        promotional_support: 4,
      },
      region: 'international',
      store_type: 'chain',
      comments: 'More shelf displays, please.',
    },
    extra: {},
  },
  {
    id: 'employee',
    row: {
      ...fixed,
      audience: 'employee',
      overall: '4',
      product_quality: '5',
      delivery_reliability: '3',
      order_accuracy: '4',
      technical_support: '4',
      price_value: '3',
      ease_of_ordering: '2',
      complaint_handling: '3',
      sales_support: '4',
      // the export's name for attitude rows, and the bare key a paper form would use
      'attitude.job_satisfaction': '4',
      'attitude.pride': '5',
      understand_customers: '3',
      training: '2',
      tools: '',
      teamwork: '5',
      recommend_employer: '4',
      department: 'customer_service',
      comments: 'Better tools for the service desk.',
      site: 'Plant 2',
    },
    answers: {
      overall: 4,
      attributes: {
        product_quality: 5,
        delivery_reliability: 3,
        order_accuracy: 4,
        technical_support: 4,
        price_value: 3,
        ease_of_ordering: 2,
        complaint_handling: 3,
        sales_support: 4,
      },
      attitude: {
        job_satisfaction: 4,
        pride: 5,
        understand_customers: 3,
        training: 2,
        teamwork: 5,
        recommend_employer: 4,
      },
      department: 'customer_service',
      comments: 'Better tools for the service desk.',
    },
    extra: { site: 'Plant 2' },
  },
]

const rating = (cell: string | undefined) => (cell ? Number(cell) : null)

describe('a full row of each shipped survey', () => {
  test.each(fullRows)('$id', ({ id, row, answers, extra }) => {
    const definition = survey(id).definition
    const value = readOk(row, id)
    expect(value).toStrictEqual({
      answers,
      respondent: 'r17',
      mode: 'postal',
      submittedAt: new Date('2024-05-01T09:30:00.000Z'),
      extraSegments: extra,
    })
    expect(validateAnswers(definition, value.answers).ok).toBe(true)

    const roles = surveyRoles(definition)
    const ratings = ratingsOf(definition, value.answers)
    expect(ratings.overall).toBe(rating(row.overall))
    expect(ratings.rebuy).toBe(rating(row.rebuy))
    for (const { key } of roles.attributes) expect(ratings.attributes[key]).toBe(rating(row[key]))
    for (const key of roles.importance)
      expect(ratings.importance[key]).toBe(rating(row[`imp_${key}`]))
    for (const key of roles.attitude)
      expect(ratings.attitude[key]).toBe(rating(row[`attitude.${key}`] ?? row[key]))
    for (const name of roles.segments)
      expect(ratings.segments[name]).toBe(row[name]?.toLowerCase() ?? null)
  })
})

/** Random answer sets for a definition, as the respondent page stores them. */
function answersArbitrary(definition: SurveyDefinition, skip: ReadonlySet<string>) {
  const text = fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(
        '=SUM(A1)',
        '-1',
        '+x',
        '@me',
        '\tindented',
        ' padded ',
        'two\nlines',
        'a,b;"c"',
      ),
    )
    // the export's formula escaping cannot tell `'-x` from an escaped `-x`: leave that one out
    .filter((s) => s.trim() !== '' && !/^'[=+\-@\t\r\n\0]/.test(s))
  const scale = fc.integer({ min: 1, max: 5 })
  const fields: Record<string, fc.Arbitrary<unknown>> = {}
  for (const q of walkQuestions(definition)) {
    if (skip.has(q.name)) continue
    const values = (items: unknown) => itemValues(items).map((i) => i.value)
    if (q.type === 'rating') fields[q.dataKey] = scale
    else if (q.type === 'comment') fields[q.dataKey] = text
    else if (q.type === 'dropdown' || q.type === 'radiogroup')
      fields[q.dataKey] = fc.constantFrom(...values(q.json.choices))
    else if (q.type === 'matrix') {
      const rows = Object.fromEntries(values(q.json.rows).map((r) => [String(r), scale]))
      fields[q.dataKey] = fc
        .record(rows, { requiredKeys: [] })
        .filter((m) => Object.keys(m).length > 0)
    } else throw new Error(`no generator for ${q.type}`)
  }
  // stored answers are JSON: plain objects, not fast-check's null-prototype records
  return fc
    .record(fields, { requiredKeys: [] })
    .map((a) => JSON.parse(JSON.stringify(a)) as Record<string, unknown>)
}

const fixedArbitrary = fc.record({
  respondent: fc.option(
    fc.nat().map((n) => `r${n}`),
    { nil: null },
  ),
  mode: fc.option(fc.constantFrom(...modes), { nil: null }),
  submittedAt: fc.date({
    min: new Date('2000-01-01'),
    max: new Date('2100-01-01'),
    noInvalidDate: true,
  }),
})

/** Writes answers the way `exportResponses` does, then parses the CSV text back into records. */
function exportedRecord(
  definition: SurveyDefinition,
  audience: Audience,
  answers: Record<string, unknown>,
  meta: { respondent: string | null; mode: Mode | null; submittedAt: Date },
) {
  const columns = responseColumns(definition)
  const cells = columns.row({
    respondent: meta.respondent ?? '',
    wave: 'w1',
    audience,
    mode: meta.mode ?? '',
    submitted_at: meta.submittedAt.toISOString(),
    ...flattenAnswers(answers),
  })
  const parsed = Papa.parse<string[]>(toCsv([cells], columns.header), { skipEmptyLines: true })
  const [header, row] = parsed.data as [string[], string[]]
  return { header, record: Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])) }
}

describe('export → import round trip', () => {
  test.each(shippedSurveys.map((s) => s.id as Audience))('%s', (id) => {
    const definition = survey(id).definition
    fc.assert(
      fc.property(answersArbitrary(definition, new Set()), fixedArbitrary, (answers, meta) => {
        const { header, record } = exportedRecord(definition, id, answers, meta)
        const result = readerFor(definition, id, header).read(record)
        expect(result).toStrictEqual({
          ok: true,
          value: { answers, ...meta, extraSegments: {} },
        })
      }),
      { numRuns: 200 },
    )
  })

  test('employee attitude answers survive an export', () => {
    const definition = survey('employee').definition
    const answers = { overall: 4, attitude: { pride: 5 } }
    const meta = { respondent: null, mode: null, submittedAt: new Date('2024-05-01T00:00:00Z') }
    const { header, record } = exportedRecord(definition, 'employee', answers, meta)
    const result = readerFor(definition, 'employee', header).read(record)
    expect(result.ok && result.value.answers).toStrictEqual(answers)
  })
})

describe('ratings', () => {
  const columns = ['overall', 'rebuy', 'product_quality', 'imp_price_value']
  const bad = ['0', '6', '3.5', '4x', 'five', '-1', '4,0']
  test.each(columns.flatMap((column) => bad.map((value) => ({ column, value }))))(
    '$column = "$value" is refused',
    ({ column, value }) => {
      expect(issuesOf({ [column]: value })).toStrictEqual([
        { column, message: `${column}: "${value}" is not an integer from 1 to 5` },
      ])
    },
  )

  test('spaces around a rating, and 4.0 for 4, are accepted; empty cells are missing', () => {
    const value = readOk({ overall: ' 4 ', rebuy: '5.0', product_quality: '', price_value: '3' })
    expect(value.answers).toStrictEqual({ overall: 4, rebuy: 5, attributes: { price_value: 3 } })
  })

  test('required questions are not checked', () => {
    expect(readOk({ order_accuracy: '2' }).answers).toStrictEqual({
      attributes: { order_accuracy: 2 },
    })
  })
})

describe('segments and text', () => {
  test('choices match ignoring case and come back canonical', () => {
    const value = readOk({ overall: '3', region: ' SOUTH ', customer_size: 'Large' })
    expect(value.answers).toStrictEqual({ overall: 3, region: 'south', customer_size: 'large' })
  })

  test('an unknown choice names the column, the value and the allowed values', () => {
    expect(issuesOf({ overall: '3', region: 'Mars' })).toStrictEqual([
      {
        column: 'region',
        message:
          'region: "Mars" is not one of "north", "south", "east", "west", "central", "international"',
      },
    ])
  })

  test('other columns become trimmed extra segments; wave and unnamed columns are ignored', () => {
    const header = ['\uFEFFoverall', 'wave', '', ' sales_rep ', 'channel']
    const reader = readerFor(customer, 'customer', header)
    const result = reader.read({
      '\uFEFFoverall': '5',
      wave: 'w9',
      '': 'x',
      ' sales_rep ': ' Bo ',
      channel: ' ',
    })
    expect(result).toStrictEqual({
      ok: true,
      value: {
        answers: { overall: 5 },
        respondent: null,
        mode: null,
        submittedAt: null,
        extraSegments: { sales_rep: 'Bo' },
      },
    })
  })

  test("text keeps its spaces and loses only the export's formula quote", () => {
    const value = readOk({ overall: '1', comments: "'=1+1", low_score_reason: "  'tis late  " })
    expect(value.answers).toStrictEqual({
      overall: 1,
      comments: '=1+1',
      low_score_reason: "  'tis late  ",
    })
  })

  test('text longer than the question allows is refused', () => {
    expect(issuesOf({ overall: '3', comments: 'x'.repeat(2001) })).toStrictEqual([
      { column: 'comments', message: 'comments: text of 2001 characters is longer than 2000' },
    ])
  })

  test('a matrix question cannot be given as one cell', () => {
    expect(issuesOf({ overall: '3', attributes: '4' })).toStrictEqual([
      {
        column: 'attributes',
        message: 'attributes: is a matrix question: give one column per row',
      },
    ])
  })
})

describe('reserved columns', () => {
  test("audience must be this wave's (any case); empty is fine", () => {
    expect(issuesOf({ audience: 'Customer', overall: '3' })).toStrictEqual([])
    expect(issuesOf({ audience: '', overall: '3' })).toStrictEqual([])
    expect(issuesOf({ audience: 'retailer', overall: '3' })).toStrictEqual([
      {
        column: 'audience',
        message: 'audience: "retailer" does not match this wave\'s audience "customer"',
      },
    ])
  })

  test('mode is one of the four, ignoring case', () => {
    expect(readOk({ overall: '3', mode: 'Face_To_Face' }).mode).toBe('face_to_face')
    expect(issuesOf({ overall: '3', mode: 'fax' })).toStrictEqual([
      {
        column: 'mode',
        message: 'mode: "fax" is not one of "web", "phone", "face_to_face", "postal"',
      },
    ])
  })

  test.each([
    ['2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['2024-05-01T09:30', '2024-05-01T09:30:00.000Z'],
    ['2024-05-01 09:30:15.5+02:00', '2024-05-01T07:30:15.500Z'],
    ['2024-05-01T09:30:00-0130', '2024-05-01T11:00:00.000Z'],
    ['2024-02-29T23:59:59.999999z', '2024-02-29T23:59:59.999Z'],
    ['0050-03-01T00:00+01:00', '0050-02-28T23:00:00.000Z'],
  ])('submitted_at %s', (cell, iso) => {
    expect(readOk({ overall: '3', submitted_at: cell }).submittedAt).toStrictEqual(new Date(iso))
  })

  test.each([
    'yesterday',
    '2023-02-29',
    '2024-13-01',
    '01/05/2024',
    '2024-05-01T24:00',
    '2024-05-01T09:30+25:00',
    '20240501',
  ])('submitted_at %s is refused', (cell) => {
    expect(issuesOf({ overall: '3', submitted_at: cell })).toStrictEqual([
      {
        column: 'submitted_at',
        message: `submitted_at: "${cell}" is not an ISO 8601 date or date-time (e.g. 2024-05-01T09:30:00Z)`,
      },
    ])
  })
})

test('every bad cell of a row is reported, in column order', () => {
  const issues = issuesOf({
    audience: 'employee',
    overall: '6',
    rebuy: 'x',
    product_quality: '0',
    region: 'Mars',
    mode: 'fax',
    submitted_at: 'soon',
    comments: 'fine',
  })
  expect(issues.map((i) => i.column)).toStrictEqual([
    'audience',
    'overall',
    'rebuy',
    'product_quality',
    'region',
    'mode',
    'submitted_at',
  ])
  for (const issue of issues) expect(issue.message.startsWith(`${issue.column}: "`)).toBe(true)
})

describe('header', () => {
  test('a header with no rating column of the survey is refused', () => {
    const reader = compileRowReader(customer, 'customer', [
      'audience',
      'respondent',
      'region',
      'comments',
    ])
    expect(reader.ok).toBe(false)
    if (!reader.ok) {
      expect(reader.issues).toHaveLength(1)
      expect(reader.issues[0]!.column).toBe('(header)')
      expect(reader.issues[0]!.message).toMatch(
        /no rating column of this survey \(product_quality, /,
      )
    }
  })

  test('a column named twice is refused', () => {
    expect(compileRowReader(customer, 'customer', ['overall', 'rebuy', ' overall'])).toStrictEqual({
      ok: false,
      issues: [{ column: 'overall', message: 'overall: the column appears twice in the header' }],
    })
  })

  test('names match ignoring letter case; segment names are lower-cased', () => {
    const value = readOk({ ' Overall ': '4', IMP_Price_Value: '2', RESPONDENT: 's-1', Branch: 'x' })
    expect(value).toMatchObject({
      answers: { overall: 4, importance: { price_value: 2 } },
      respondent: 's-1',
      extraSegments: { branch: 'x' },
    })
  })

  test('a question whose name has capitals is found (the import used to lower-case headers)', () => {
    const definition = { elements: [{ type: 'rating', name: 'Q1', rateMin: 1, rateMax: 5 }] }
    for (const column of ['Q1', 'q1'])
      expect(readerFor(definition, 'customer', [column]).read({ [column]: '3' })).toMatchObject({
        ok: true,
        value: { answers: { Q1: 3 } },
      })
  })

  test('names that differ only in case are refused when it is unclear which is meant', () => {
    expect(compileRowReader(customer, 'customer', ['overall', 'Region', 'region'])).toStrictEqual({
      ok: false,
      issues: [
        {
          column: 'Region',
          message:
            'Region: the column appears twice in the header ("Region", "region": names ignore letter case)',
        },
      ],
    })
    const rating = (name: string) => ({ type: 'rating', name, rateMin: 1, rateMax: 5 })
    const twins = { elements: [rating('Speed'), rating('speed')] }
    expect(readerFor(twins, 'customer', ['speed']).read({ speed: '2' })).toMatchObject({
      ok: true,
      value: { answers: { speed: 2 } },
    })
    expect(compileRowReader(twins, 'customer', ['SPEED'])).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([
        { column: 'SPEED', message: 'SPEED: could be any of Speed, speed: write it as one' },
      ]),
    })
  })

  test('two columns for the same answer are refused', () => {
    const employee = survey('employee').definition
    expect(
      compileRowReader(employee, 'employee', ['overall', 'attitude.pride', 'pride']),
    ).toStrictEqual({
      ok: false,
      issues: [
        { column: 'pride', message: 'pride: holds the same answer as column attitude.pride' },
      ],
    })
  })
})

test('benchmark: read() per row (printed, not asserted)', () => {
  const row = fullRows[0]!.row
  const reader = readerFor(customer, 'customer', Object.keys(row))
  const rows = Array.from({ length: 1000 }, (_, i) => ({ ...row, overall: String((i % 5) + 1) }))
  for (let i = 0; i < 20_000; i++) reader.read(rows[i % rows.length]!)
  const n = 200_000
  const start = performance.now()
  let ok = 0
  for (let i = 0; i < n; i++) if (reader.read(rows[i % rows.length]!).ok) ok++
  const ms = performance.now() - start
  console.log(
    `compileRowReader.read: ${n} rows × ${Object.keys(row).length} columns in ${ms.toFixed(0)} ms = ${((ms * 1000) / n).toFixed(2)} µs/row`,
  )
  expect(ok).toBe(n)
})
