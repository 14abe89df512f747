import { describe, expect, test } from 'vitest'
import {
  nameLookup,
  responseColumns,
  responsesHeader,
} from '../../../server/responses/responses-csv'
import { shippedSurveys } from '../../../server/surveys'

describe('responsesHeader()', () => {
  test('drops the BOM, trims, and finds names ignoring letter case', () => {
    const h = responsesHeader(['\uFEFFRespondent', ' Overall ', '', 'imp_Speed'])
    expect(h.names).toEqual(['Respondent', 'Overall', '', 'imp_Speed'])
    expect([h.index('respondent'), h.index('OVERALL'), h.index('imp_speed')]).toEqual([0, 1, 3])
    expect(h.index('')).toBeNull()
    expect(h.clashes).toEqual([])
  })

  test('names used twice, or differing only in case, clash; later ones are repeats', () => {
    const h = responsesHeader(['region', 'overall', 'Region', 'overall', 'REGION'])
    expect(h.clashes).toEqual([
      {
        name: 'region',
        problem:
          'appears 3 times in the header ("region", "Region", "REGION": names ignore letter case)',
      },
      { name: 'overall', problem: 'appears twice in the header' },
    ])
    expect([...h.repeats]).toEqual([2, 3, 4])
  })
})

test('nameLookup(): exact first, else the one name equal ignoring case, else ambiguous', () => {
  const find = nameLookup([
    ['Speed', 1],
    ['speed', 2],
    ['Price', 3],
  ])
  expect([find('speed'), find('PRICE'), find('SPEED'), find('x')]).toEqual([
    { found: 2 },
    { found: 3 },
    { ambiguous: ['Speed', 'speed'] },
    null,
  ])
})

test('responseColumns(): metadata, overall, rebuy, attributes, imp_<key>, segments, the rest', () => {
  const customer = shippedSurveys.find((s) => s.id === 'customer')!.definition
  const { header, row } = responseColumns(customer)
  expect(header.slice(0, 8)).toEqual([
    'respondent',
    'wave',
    'audience',
    'mode',
    'submitted_at',
    'overall',
    'rebuy',
    'product_quality',
  ])
  expect(header).toContain('imp_product_quality')
  expect(header.indexOf('region')).toBeGreaterThan(header.indexOf('imp_sales_support'))
  expect(header.slice(-2)).toEqual(['low_score_reason', 'comments'])
  expect(new Set(header).size).toBe(header.length)
  expect(row({ overall: 4, comments: 'x' })[header.indexOf('comments')]).toBe('x')
})
