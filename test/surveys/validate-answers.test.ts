import fc from 'fast-check'
import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import { ratingsOf, shippedSurveys, validateAnswers } from '../../server/surveys'
import type { SurveyDefinition, ValidationResult } from '../../server/surveys'

const customer = shippedSurveys.find((s) => s.id === 'customer')!.definition
const valid = { overall: 4, rebuy: 5 }

function issuesOf(result: ValidationResult) {
  return result.ok ? [] : result.issues
}

/** A survey with one page of the given elements. */
const survey = (...elements: Record<string, unknown>[]): SurveyDefinition => ({ elements })

describe('validateAnswers() on the customer survey', () => {
  test.each([
    ['the required answers only', valid, valid],
    ['a numeric string rating, normalised', { overall: '4', rebuy: 5 }, valid],
    ['a numeric string matrix cell, normalised', { ...valid, attributes: { order_accuracy: '4' } }, { ...valid, attributes: { order_accuracy: 4 } }],
    ['skipped (not applicable) rows', { ...valid, attributes: { price_value: 1 } }, { ...valid, attributes: { price_value: 1 } }],
    ['an empty matrix', { ...valid, attributes: {} }, { ...valid, attributes: {} }],
    ['null answers, as no answer', { ...valid, comments: null }, valid],
    ['segments and comments', { ...valid, region: 'north', customer_size: 'small', comments: 'Great' }, { ...valid, region: 'north', customer_size: 'small', comments: 'Great' }],
    ['the low-score follow-up when overall ≤ 2', { overall: 2, rebuy: 3, low_score_reason: 'Late' }, { overall: 2, rebuy: 3, low_score_reason: 'Late' }],
    ['the follow-up while hidden (accepted, dropped)', { ...valid, low_score_reason: 'Late' }, valid],
    ['stated importance', { ...valid, importance: { price_value: 5, sales_support: '2' } }, { ...valid, importance: { price_value: 5, sales_support: 2 } }],
  ])('accepts %s', (_label, data, expected) => {
    expect(validateAnswers(customer, data)).toEqual({ ok: true, data: expected })
  })

  test.each([
    ['overall', { overall: 0, rebuy: 5 }, 'overall: must be an integer from 1 to 5, got 0'],
    ['overall', { overall: 6, rebuy: 5 }, 'overall: must be an integer from 1 to 5, got 6'],
    ['overall', { overall: 3.5, rebuy: 5 }, 'overall: must be an integer from 1 to 5, got 3.5'],
    ['overall', { overall: '4x', rebuy: 5 }, 'overall: must be an integer from 1 to 5, got "4x"'],
    ['overall', { overall: '04', rebuy: 5 }, 'overall: must be an integer from 1 to 5, got "04"'],
    ['overall', { overall: ' 4', rebuy: 5 }, 'overall: must be an integer from 1 to 5, got " 4"'],
    ['overall', { overall: [], rebuy: 5 }, 'overall: must be an integer from 1 to 5, got []'],
    ['overall', { overall: {}, rebuy: 5 }, 'overall: must be an integer from 1 to 5, got {}'],
    ['overall', { overall: true, rebuy: 5 }, 'overall: must be an integer from 1 to 5, got true'],
    ['rebuy', { overall: 4 }, 'rebuy: an answer is required'],
    ['rebuy', { overall: 4, rebuy: '' }, 'rebuy: must be an integer from 1 to 5, got ""'],
    ['colour', { ...valid, colour: 'red' }, 'colour: not a question in this survey'],
    ['overall-Comment', { ...valid, 'overall-Comment': 'x' }, 'overall-Comment: not a question in this survey'],
    ['attributes', { ...valid, attributes: { speed: 3 } }, 'attributes.speed: not a row of this matrix'],
    ['attributes', { ...valid, attributes: { order_accuracy: 3.5 } }, 'attributes.order_accuracy: must be an integer from 1 to 5, got 3.5'],
    ['attributes', { ...valid, attributes: { order_accuracy: 0 } }, 'attributes.order_accuracy: must be an integer from 1 to 5, got 0'],
    ['attributes', { ...valid, attributes: { order_accuracy: '4x' } }, 'attributes.order_accuracy: must be an integer from 1 to 5, got "4x"'],
    ['attributes', { ...valid, attributes: [4, 5] }, 'attributes: must be an object of row answers, got [4,5]'],
    ['attributes', { ...valid, attributes: { product_quality: 6, price_value: 'x' } }, 'attributes.product_quality: must be an integer from 1 to 5, got 6; attributes.price_value: must be an integer from 1 to 5, got "x"'],
    ['region', { ...valid, region: 'mars' }, 'region: must be one of "north", "south", "east", "west", "central", "international", got "mars"'],
    ['comments', { ...valid, comments: 42 }, 'comments: must be text, got 42'],
    ['comments', { ...valid, comments: 'x'.repeat(2001) }, 'comments: must be at most 2000 characters, got 2001'],
    ['low_score_reason', { overall: 1, rebuy: 1, low_score_reason: ['x'] }, 'low_score_reason: must be text, got ["x"]'],
  ])('refuses a bad %s answer (case %#)', (question, data, message) => {
    expect(issuesOf(validateAnswers(customer, data))).toEqual([{ question, message }])
  })

  test('reports one issue per bad question, each naming it', () => {
    const result = validateAnswers(customer, { overall: 9, attributes: { x: 1, y: 2 }, foo: 1 })
    expect(issuesOf(result).map((i) => i.question)).toEqual(['overall', 'attributes', 'foo', 'rebuy'])
    for (const issue of issuesOf(result)) expect(issue.message.startsWith(issue.question)).toBe(true)
  })

  test.each([[[]], [null], ['text'], [42], [new Date()]])('refuses %j as data', (data) => {
    expect(issuesOf(validateAnswers(customer, data))).toEqual([
      { question: '(data)', message: 'data: must be a JSON object of answers keyed by question name' },
    ])
  })

  test('refuses an oversized submission', () => {
    const result = validateAnswers(customer, { ...valid, comments: 'x'.repeat(1_100_000) })
    expect(issuesOf(result)[0]?.question).toBe('(data)')
  })

  test('a "__proto__" key is an unknown question, not a prototype', () => {
    const result = validateAnswers(customer, JSON.parse('{"overall":4,"rebuy":5,"__proto__":{"x":1}}'))
    expect(issuesOf(result)).toEqual([{ question: '__proto__', message: '__proto__: not a question in this survey' }])
  })
})

describe('validateAnswers(): conditions', () => {
  const followUp = survey(
    { type: 'rating', name: 'overall', isRequired: true },
    { type: 'comment', name: 'why', isRequired: true, visibleIf: '{overall} <= 2' },
  )

  test('a visible required follow-up must be answered', () => {
    expect(issuesOf(validateAnswers(followUp, { overall: 1 }))).toEqual([
      { question: 'why', message: 'why: an answer is required' },
    ])
    expect(issuesOf(validateAnswers(followUp, { overall: 1, why: '   ' }))).toHaveLength(1)
    expect(validateAnswers(followUp, { overall: 1, why: 'Late' }).ok).toBe(true)
  })

  test('a hidden required question is not enforced, and its answer is dropped', () => {
    expect(validateAnswers(followUp, { overall: 4 })).toEqual({ ok: true, data: { overall: 4 } })
    expect(validateAnswers(followUp, { overall: 4, why: 'x' })).toEqual({ ok: true, data: { overall: 4 } })
    expect(validateAnswers(followUp, { overall: 4, why: 12 }).ok).toBe(true)
  })

  test('conditions see numeric strings as numbers', () => {
    expect(issuesOf(validateAnswers(followUp, { overall: '2' }))[0]?.question).toBe('why')
  })

  test('a hidden page or nested panel hides its questions', () => {
    const definition: SurveyDefinition = {
      pages: [
        { name: 'p1', elements: [{ type: 'boolean', name: 'buyer' }] },
        {
          name: 'p2',
          visibleIf: '{buyer} = true',
          elements: [
            { type: 'rating', name: 'delivery', isRequired: true },
            {
              type: 'panel',
              name: 'outer',
              elements: [
                { type: 'panel', name: 'inner', visibleIf: '{delivery} < 3', elements: [{ type: 'comment', name: 'late', isRequired: true }] },
              ],
            },
          ],
        },
      ],
    }
    expect(validateAnswers(definition, { buyer: false, delivery: 9 })).toEqual({ ok: true, data: { buyer: false } })
    expect(issuesOf(validateAnswers(definition, { buyer: true }))).toEqual([
      { question: 'delivery', message: 'delivery: an answer is required' },
    ])
    expect(issuesOf(validateAnswers(definition, { buyer: true, delivery: 2 }))[0]?.question).toBe('late')
    expect(validateAnswers(definition, { buyer: true, delivery: 4, late: 'x' })).toEqual({
      ok: true,
      data: { buyer: true, delivery: 4 },
    })
  })

  test('requiredIf and enableIf are honoured', () => {
    const definition = survey(
      { type: 'boolean', name: 'complained' },
      { type: 'comment', name: 'complaint', requiredIf: '{complained} = true' },
      { type: 'text', name: 'order', isRequired: true, enableIf: '{complained} = true' },
    )
    expect(issuesOf(validateAnswers(definition, { complained: true })).map((i) => i.question)).toEqual(['complaint', 'order'])
    expect(validateAnswers(definition, { complained: false }).ok).toBe(true)
  })

  test('clearInvisibleValues "none" keeps (and checks) hidden answers', () => {
    const definition = { ...followUp, clearInvisibleValues: 'none' }
    expect(validateAnswers(definition, { overall: 4, why: 'x' })).toEqual({ ok: true, data: { overall: 4, why: 'x' } })
    expect(validateAnswers(definition, { overall: 4, why: 12 }).ok).toBe(false)
  })
})

describe('validateAnswers(): question types', () => {
  test.each([
    ['custom rateValues', { type: 'rating', name: 'q', rateValues: ['Item 1', 'Item 2'] }, 'Item 2', 'Item 2'],
    ['rateValues objects', { type: 'rating', name: 'q', rateValues: [{ value: 1, text: 'Low' }, { value: 7, text: 'High' }] }, 7, 7],
    ['an NPS 0', { type: 'rating', name: 'q', rateMin: 0, rateMax: 10 }, 0, 0],
    ['a rateStep value', { type: 'rating', name: 'q', rateMin: 0, rateMax: 1, rateStep: 0.25 }, 0.75, 0.75],
    ['string matrix columns, as numbers', { type: 'matrix', name: 'q', columns: ['1', '2', '3'], rows: ['a'] }, { a: '3' }, { a: 3 }],
    ['a number for a string column', { type: 'matrix', name: 'q', columns: ['1', '2', '3'], rows: ['a'] }, { a: 2 }, { a: 2 }],
    ['text matrix columns', { type: 'matrix', name: 'q', columns: ['Good', 'Poor'], rows: ['a'] }, { a: 'Poor' }, { a: 'Poor' }],
    ['a checkbox list', { type: 'checkbox', name: 'q', choices: ['a', 'b', 'c'] }, ['c', 'a'], ['c', 'a']],
    ['checkbox "none"', { type: 'checkbox', name: 'q', choices: ['a'], showNoneItem: true }, ['none'], ['none']],
    ['a value|text choice', { type: 'radiogroup', name: 'q', choices: ['low|Too low', 'high|Too high'] }, 'low', 'low'],
    ['"other" with hasOther', { type: 'dropdown', name: 'q', choices: ['a'], hasOther: true }, 'other', 'other'],
    ['choicesMin/Max', { type: 'dropdown', name: 'q', choicesMin: 1, choicesMax: 10 }, 7, 7],
    ['choices by URL', { type: 'dropdown', name: 'q', choicesByUrl: { url: 'https://example.com' } }, 'anything', 'anything'],
    ['a boolean', { type: 'boolean', name: 'q' }, false, false],
    ['boolean valueTrue', { type: 'boolean', name: 'q', valueTrue: 'yes', valueFalse: 'no' }, 'yes', 'yes'],
    ['a number text', { type: 'text', name: 'q', inputType: 'number' }, '12.5', 12.5],
    ['a date text', { type: 'text', name: 'q', inputType: 'date' }, '2025-10-30', '2025-10-30'],
    ['matrixdynamic rows', { type: 'matrixdynamic', name: 'q', columns: [{ name: 'c' }] }, [{ c: 1 }], [{ c: 1 }]],
    ['multipletext items', { type: 'multipletext', name: 'q', items: [{ name: 'a' }] }, { a: '100' }, { a: '100' }],
    ['a custom widget value', { type: 'nouislider', name: 'q' }, [10, 90], [10, 90]],
    ['an expression value', { type: 'expression', name: 'q', expression: '1 + 1' }, 2, 2],
  ])('accepts %s', (_label, question, value, expected) => {
    expect(validateAnswers(survey(question), { q: value })).toEqual({ ok: true, data: { q: expected } })
  })

  test.each([
    ['a value outside rateValues', { type: 'rating', name: 'q', rateValues: ['Item 1', 'Item 2'] }, 'Item 3', 'q: must be one of "Item 1", "Item 2", got "Item 3"'],
    ['an NPS 11', { type: 'rating', name: 'q', rateMin: 0, rateMax: 10 }, 11, 'q: must be an integer from 0 to 10, got 11'],
    ['a checkbox scalar', { type: 'checkbox', name: 'q', choices: ['a'] }, 'a', 'q: must be a list of choices, got "a"'],
    ['an undeclared checkbox item', { type: 'checkbox', name: 'q', choices: ['a'] }, ['a', 'z'], 'q: "z" is not one of its choices'],
    ['a duplicated checkbox item', { type: 'checkbox', name: 'q', choices: ['a'] }, ['a', 'a'], 'q: "a" is selected twice'],
    ['too many checkbox items', { type: 'checkbox', name: 'q', choices: ['a', 'b'], maxSelectedChoices: 1 }, ['a', 'b'], 'q: at most 1 choices may be selected, got 2'],
    ['"other" without hasOther', { type: 'dropdown', name: 'q', choices: ['a'] }, 'other', 'q: must be one of "a", got "other"'],
    ['a string boolean', { type: 'boolean', name: 'q' }, 'true', 'q: must be true or false, got "true"'],
    ['an answer to an html element', { type: 'html', name: 'q', html: '<p>Hi</p>' }, 'x', 'q: is a html element and carries no answer'],
    ['a word for a number text', { type: 'text', name: 'q', inputType: 'number' }, 'ten', 'q: must be a number, got "ten"'],
    ['an object for matrixdynamic', { type: 'matrixdynamic', name: 'q' }, { a: 1 }, 'q: must be a list of rows, got {"a":1}'],
    ['an oversized custom answer', { type: 'file', name: 'q' }, ['x'.repeat(200_000)], 'q: answer too large (200004 characters, at most 100000)'],
  ])('refuses %s', (_label, question, value, message) => {
    expect(issuesOf(validateAnswers(survey(question), { q: value }))).toEqual([{ question: 'q', message }])
  })

  test('the "-Comment" key is accepted only where the question has one', () => {
    const definition = survey(
      { type: 'dropdown', name: 'q', choices: ['a'], showOtherItem: true },
      { type: 'rating', name: 'r', showCommentArea: true },
      { type: 'rating', name: 's' },
    )
    const data = { q: 'other', 'q-Comment': 'mine', r: 3, 'r-Comment': 'because' }
    expect(validateAnswers(definition, data)).toEqual({ ok: true, data })
    expect(issuesOf(validateAnswers(definition, { s: 3, 's-Comment': 'x' }))[0]?.question).toBe('s-Comment')
  })

  test('valueName is the answer key', () => {
    const definition = survey({ type: 'rating', name: 'q1', valueName: 'overall', isRequired: true })
    expect(validateAnswers(definition, { overall: 5 })).toEqual({ ok: true, data: { overall: 5 } })
    expect(issuesOf(validateAnswers(definition, { q1: 5 })).map((i) => i.question)).toEqual(['q1'])
  })

  test('eachRowRequired / isAllRowRequired asks for every visible row', () => {
    for (const flag of ['isAllRowRequired', 'eachRowRequired']) {
      const definition = survey({ type: 'matrix', name: 'm', columns: [1, 2], rows: ['a', 'b', { value: 'c', visibleIf: '{x} = 1' }], [flag]: true }, { type: 'text', name: 'x' })
      expect(issuesOf(validateAnswers(definition, { m: { a: 1 } }))).toEqual([
        { question: 'm', message: 'm: every row must be answered (missing b)' },
      ])
      expect(validateAnswers(definition, { m: { a: 1, b: 2, c: 1 } })).toEqual({ ok: true, data: { m: { a: 1, b: 2 } } })
    }
  })
})

describe('validateAnswers(): answers survey-core produces', () => {
  type Q = { name: string; getType(): string; visibleRateValues?: { value: unknown }[]; columns?: { value: unknown }[]; rows?: { value: unknown }[]; choices?: { value: unknown }[]; isRequired: boolean }

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
        { requiredKeys: questions.filter((q) => q.isRequired).map((q) => q.name), noNullPrototype: true },
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
            expect(value === null || (Number.isInteger(value) && value >= 1 && value <= 5)).toBe(true)
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
      fc.property(rating, rating, fc.dictionary(fc.constantFrom('product_quality', 'order_accuracy', 'price_value'), rating), (overall, rebuy, cells) => {
        const stringCells = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, String(v)]))
        const result = validateAnswers(customer, { overall: String(overall), rebuy, attributes: stringCells })
        expect(result).toEqual({ ok: true, data: { overall, rebuy, attributes: cells } })
      }),
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
    expect(ratings.attributes).toMatchObject({ product_quality: 4, price_value: 1, order_accuracy: null })
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
