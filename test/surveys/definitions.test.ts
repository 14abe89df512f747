import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import { lintDefinition, shippedSurveys, surveyRoles } from '../../server/surveys'
import type { SurveyDefinition } from '../../server/surveys'

const surveysDir = fileURLToPath(new URL('../../surveys/', import.meta.url))
const files = readdirSync(surveysDir).filter((f) => f.endsWith('.json'))
const load = (file: string): SurveyDefinition => JSON.parse(readFileSync(surveysDir + file, 'utf8'))
const byAudience = Object.fromEntries(files.map((f) => [f.replace('.json', ''), load(f)]))

const sharedKeys = [
  'product_quality',
  'delivery_reliability',
  'order_accuracy',
  'technical_support',
  'price_value',
  'ease_of_ordering',
  'complaint_handling',
  'sales_support',
]
// Our own survey properties; survey-core reports them as unknown unless a client registers them.
const customProperties = /'(audience|version)'/

describe('surveys/*.json', () => {
  test('the four audiences are shipped, one file each', () => {
    expect(files.sort()).toEqual([
      'customer.json',
      'employee.json',
      'retailer.json',
      'wholesaler.json',
    ])
    expect(shippedSurveys.map((s) => s.id).sort()).toEqual([
      'customer',
      'employee',
      'retailer',
      'wholesaler',
    ])
  })

  test.each(files)('%s loads in survey-core without JSON errors', (file) => {
    const json = load(file)
    const model = new Model(json)
    const errors = (model.jsonErrors ?? []).map((e) => e.message)
    expect(errors.filter((m) => !customProperties.test(m))).toEqual([])
    expect(model.getAllQuestions().length).toBeGreaterThan(3)
    expect(model.pages.length).toBeGreaterThanOrEqual(2)
    expect(model.pages.length).toBeLessThanOrEqual(4)
  })

  test.each(files)(
    '%s has title, description, audience = file name, version 1, progress bar',
    (file) => {
      const json = load(file)
      expect(json.audience).toBe(file.replace('.json', ''))
      expect(json.version).toBe(1)
      expect(typeof json.title).toBe('string')
      expect(typeof json.description).toBe('string')
      expect(json.showProgressBar).toBe(true)
      expect(json.completedHtml).toMatch(/Thank you/)
    },
  )

  test.each(files)('%s lints clean (no piping, 1–5 roles, valid conditions)', (file) => {
    expect(lintDefinition(load(file))).toEqual([])
  })

  test.each(files)('%s never contains a {placeholder} anywhere', (file) => {
    const text = readFileSync(surveysDir + file, 'utf8')
    const withoutConditions = text.replace(/"(visibleIf|enableIf|requiredIf)": "[^"]*"/g, '')
    expect(withoutConditions).not.toMatch(/\{[^{}\s"]+\}/)
  })

  test.each(files)('%s: overall is a required 1–5 rating with the standard anchors', (file) => {
    const question = new Model(load(file)).getQuestionByName('overall')
    expect(question.getType()).toBe('rating')
    expect(question.isRequired).toBe(true)
    expect(question.visibleRateValues.map((v: { value: unknown }) => v.value)).toEqual([
      1, 2, 3, 4, 5,
    ])
    expect(question.minRateDescription).toBe('Extremely dissatisfied')
    expect(question.maxRateDescription).toBe('Extremely satisfied')
  })

  test.each(files)('%s: the attribute matrix has columns 1–5 and optional rows', (file) => {
    const question = new Model(load(file)).getQuestionByName('attributes')
    expect(question.getType()).toBe('matrix')
    expect(question.columns.map((c: { value: unknown }) => c.value)).toEqual([1, 2, 3, 4, 5])
    expect(question.eachRowRequired).toBe(false)
    expect(question.isRequired).toBe(false)
    expect(question.description).toMatch(/blank/)
  })
})

describe('naming contract (SPEC §3)', () => {
  test.each(['customer', 'wholesaler', 'retailer'])(
    '%s: rebuy is a required 1–5 rating',
    (audience) => {
      const roles = surveyRoles(byAudience[audience]!)
      expect(roles.overall).toBe('overall')
      expect(roles.rebuy).toBe('rebuy')
      const rebuy = new Model(byAudience[audience]).getQuestionByName('rebuy')
      expect(rebuy.isRequired).toBe(true)
      expect(rebuy.visibleRateValues.map((v: { value: unknown }) => v.value)).toEqual([
        1, 2, 3, 4, 5,
      ])
    },
  )

  test('rebuy is worded for each audience', () => {
    const title = (audience: string) =>
      new Model(byAudience[audience]).getQuestionByName('rebuy').title
    expect(title('customer')).toMatch(/buy from us again/)
    expect(title('wholesaler')).toMatch(/re-order/)
    expect(title('retailer')).toMatch(/keep stocking/)
  })

  test('the employee survey has no rebuy, and its own attitude items, department and comments', () => {
    const roles = surveyRoles(byAudience.employee!)
    expect(roles.rebuy).toBeNull()
    expect(roles.attitude).toEqual(
      expect.arrayContaining([
        'job_satisfaction',
        'pride',
        'training',
        'tools',
        'recommend_employer',
      ]),
    )
    expect(roles.segments).toEqual(['department'])
    expect(roles.comments).toEqual(['comments'])
  })

  test.each(files)('%s: the eight shared attribute keys come from the matrix', (file) => {
    const roles = surveyRoles(load(file))
    expect(roles.attributes.slice(0, 8).map((a) => a.key)).toEqual(sharedKeys)
    expect(roles.attributes.every((a) => a.source === 'matrix' && a.label.length > 0)).toBe(true)
  })

  test('intermediaries share the supply-service attributes', () => {
    const extra = (audience: string) =>
      surveyRoles(byAudience[audience]!)
        .attributes.slice(8)
        .map((a) => a.key)
    expect(extra('wholesaler')).toEqual([
      'stock_availability',
      'lead_time',
      'trade_terms',
      'promotional_support',
    ])
    expect(extra('retailer')).toEqual(extra('wholesaler'))
    expect(extra('customer')).toEqual([])
  })

  test('the employee attributes mirror the customer keys and ask how customers rate us', () => {
    const keys = (audience: string) =>
      surveyRoles(byAudience[audience]!).attributes.map((a) => a.key)
    expect(keys('employee')).toEqual(keys('customer'))
    const matrix = new Model(byAudience.employee).getQuestionByName('attributes')
    expect(matrix.title).toMatch(/how do you think our customers rate us/i)
  })

  test.each(files)('%s: every importance row has a satisfaction row', (file) => {
    const roles = surveyRoles(load(file))
    const rated = roles.attributes.map((a) => a.key)
    for (const key of roles.importance) expect(rated).toContain(key)
  })

  test('the customer survey asks stated importance for every attribute, optionally', () => {
    const roles = surveyRoles(byAudience.customer!)
    expect(roles.importance).toEqual(sharedKeys)
    expect(new Model(byAudience.customer).getQuestionByName('importance').isRequired).toBe(false)
  })

  test('the customer survey follows up a low overall score', () => {
    const model = new Model(byAudience.customer)
    const followUp = model.getQuestionByName('low_score_reason')
    model.setValue('overall', 2)
    expect(followUp.isVisible).toBe(true)
    model.setValue('overall', 3)
    expect(followUp.isVisible).toBe(false)
  })

  test('the employee survey stresses anonymity and asks no name or e-mail', () => {
    const json = byAudience.employee!
    expect(json.description).toMatch(/anonymous/)
    const model = new Model(json)
    const asked = model
      .getAllQuestions()
      .map((q) => `${q.name} ${q.title}`)
      .join(' ')
    expect(asked).not.toMatch(/e-?mail|your name/i)
    expect(model.getAllQuestions().some((q) => q.getType() === 'text')).toBe(false)
  })
})
