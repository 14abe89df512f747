import fc from 'fast-check'
import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import { ratingsOf, shippedSurveys, validateAnswers } from '../../server/surveys'
import { customer, issuesOf, survey } from './helpers'

describe('validateAnswers(): answers survey-core produces', () => {
  type Q = {
    name: string
    getType(): string
    visibleRateValues?: { value: unknown }[]
    columns?: { value: unknown }[]
    rows?: { value: unknown }[]
    choices?: { value: unknown }[]
    isRequired: boolean
  }

  function answerArbitrary(question: Q): fc.Arbitrary<unknown> {
    switch (question.getType()) {
      case 'rating':
        return fc.constantFrom(...question.visibleRateValues!.map((v) => v.value))
      case 'matrix': {
        const cells = fc.constantFrom(...question.columns!.map((c) => c.value))
        const rows = Object.fromEntries(question.rows!.map((r) => [String(r.value), cells]))
        return fc.record(rows, { requiredKeys: [], noNullPrototype: true })
      }
      case 'dropdown':
      case 'radiogroup':
        return fc.constantFrom(...question.choices!.map((c) => c.value))
      default:
        return fc.string({ maxLength: 300 })
    }
  }

  test.each(shippedSurveys.map((s) => [s.id, s.definition] as const))(
    'random valid answers to %s, completed in survey-core, validate and give 1–5 ratings',
    (_id, definition) => {
      const questions = new Model(definition).getAllQuestions() as unknown as Q[]
      const answers = fc.record(
        Object.fromEntries(questions.map((q) => [q.name, answerArbitrary(q)])),
        {
          requiredKeys: questions.filter((q) => q.isRequired).map((q) => q.name),
          noNullPrototype: true,
        },
      )
      fc.assert(
        fc.property(answers, (answers) => {
          const model = new Model(definition)
          for (const [name, value] of Object.entries(answers)) model.setValue(name, value)
          model.doComplete()
          const result = validateAnswers(definition, model.data)
          expect(result).toEqual({ ok: true, data: model.data })
          const ratings = ratingsOf(definition, model.data)
          for (const value of [ratings.overall, ...Object.values(ratings.attributes)]) {
            expect(value === null || (Number.isInteger(value) && value >= 1 && value <= 5)).toBe(
              true,
            )
          }
        }),
        { numRuns: 60 },
      )
    },
    30_000,
  )

  test('ratings sent as numeric strings validate and come back as numbers', () => {
    const rating = fc.integer({ min: 1, max: 5 })
    fc.assert(
      fc.property(
        rating,
        rating,
        fc.dictionary(fc.constantFrom('product_quality', 'order_accuracy', 'price_value'), rating),
        (overall, rebuy, cells) => {
          const stringCells = Object.fromEntries(
            Object.entries(cells).map(([k, v]) => [k, String(v)]),
          )
          const result = validateAnswers(customer, {
            overall: String(overall),
            rebuy,
            attributes: stringCells,
          })
          expect(result).toEqual({ ok: true, data: { overall, rebuy, attributes: cells } })
        },
      ),
    )
  })

  test('any value that is not a declared rating is refused on the question it was sent for', () => {
    const notARating = fc.oneof(
      fc.integer().filter((n) => n < 1 || n > 5),
      fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
      fc.string().filter((s) => !['1', '2', '3', '4', '5', ''].includes(s)),
      fc.boolean(),
      fc.array(fc.integer({ min: 1, max: 5 })),
      fc.dictionary(fc.string(), fc.integer()),
    )
    fc.assert(
      fc.property(notARating, (value) => {
        const issues = issuesOf(validateAnswers(customer, { overall: value, rebuy: 3 }))
        expect(issues).toHaveLength(1)
        expect(issues[0]!.question).toBe('overall')
        expect(issues[0]!.message).toMatch(/^overall: /)
      }),
    )
  })
})

describe('ratingsOf()', () => {
  test('maps cleaned answers to the shape the reports consume', () => {
    const result = validateAnswers(customer, {
      overall: 2,
      rebuy: '3',
      attributes: { product_quality: 4, price_value: '1' },
      importance: { price_value: 5 },
      region: 'east',
    })
    if (!result.ok) throw new Error('expected valid data')
    const ratings = ratingsOf(customer, result.data)
    expect(ratings.audience).toBe('customer')
    expect(ratings.overall).toBe(2)
    expect(ratings.rebuy).toBe(3)
    expect(ratings.attributes).toMatchObject({
      product_quality: 4,
      price_value: 1,
      order_accuracy: null,
    })
    expect(Object.keys(ratings.attributes)).toHaveLength(8)
    expect(ratings.importance).toMatchObject({ price_value: 5, product_quality: null })
    expect(ratings.segments).toEqual({ region: 'east', customer_size: null })
  })

  test('values off the 1–5 scale and questions on other scales give null', () => {
    const definition = survey(
      { type: 'rating', name: 'overall', rateMin: 0, rateMax: 10 },
      { type: 'rating', name: 'speed' },
      { type: 'rating', name: 'imp_speed' },
      { type: 'radiogroup', name: 'region', choices: ['n', 's'] },
    )
    expect(ratingsOf(definition, { overall: 3, speed: 3.5, imp_speed: 5, region: 's' })).toEqual({
      audience: null,
      overall: null,
      rebuy: null,
      attributes: { speed: null },
      importance: { speed: 5 },
      attitude: {},
      segments: { region: 's' },
    })
  })
})
