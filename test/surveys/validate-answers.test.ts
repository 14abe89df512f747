import { describe, expect, test } from 'vitest'
import { validateAnswers } from '../../server/surveys'
import type { SurveyDefinition } from '../../server/surveys'
import { customer, issuesOf, survey, valid } from './helpers'

describe('validateAnswers() on the customer survey', () => {
  test.each([
    ['the required answers only', valid, valid],
    ['a numeric string rating, normalised', { overall: '4', rebuy: 5 }, valid],
    [
      'a numeric string matrix cell, normalised',
      { ...valid, attributes: { order_accuracy: '4' } },
      { ...valid, attributes: { order_accuracy: 4 } },
    ],
    [
      'skipped (not applicable) rows',
      { ...valid, attributes: { price_value: 1 } },
      { ...valid, attributes: { price_value: 1 } },
    ],
    ['an empty matrix', { ...valid, attributes: {} }, { ...valid, attributes: {} }],
    ['null answers, as no answer', { ...valid, comments: null }, valid],
    [
      'segments and comments',
      { ...valid, region: 'north', customer_size: 'small', comments: 'Great' },
      { ...valid, region: 'north', customer_size: 'small', comments: 'Great' },
    ],
    [
      'the low-score follow-up when overall ≤ 2',
      { overall: 2, rebuy: 3, low_score_reason: 'Late' },
      { overall: 2, rebuy: 3, low_score_reason: 'Late' },
    ],
    [
      'the follow-up while hidden (accepted, dropped)',
      { ...valid, low_score_reason: 'Late' },
      valid,
    ],
    [
      'stated importance',
      { ...valid, importance: { price_value: 5, sales_support: '2' } },
      { ...valid, importance: { price_value: 5, sales_support: 2 } },
    ],
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
    [
      'overall-Comment',
      { ...valid, 'overall-Comment': 'x' },
      'overall-Comment: not a question in this survey',
    ],
    [
      'attributes',
      { ...valid, attributes: { speed: 3 } },
      'attributes.speed: not a row of this matrix',
    ],
    [
      'attributes',
      { ...valid, attributes: { order_accuracy: 3.5 } },
      'attributes.order_accuracy: must be an integer from 1 to 5, got 3.5',
    ],
    [
      'attributes',
      { ...valid, attributes: { order_accuracy: 0 } },
      'attributes.order_accuracy: must be an integer from 1 to 5, got 0',
    ],
    [
      'attributes',
      { ...valid, attributes: { order_accuracy: '4x' } },
      'attributes.order_accuracy: must be an integer from 1 to 5, got "4x"',
    ],
    [
      'attributes',
      { ...valid, attributes: [4, 5] },
      'attributes: must be an object of row answers, got [4,5]',
    ],
    [
      'attributes',
      { ...valid, attributes: { product_quality: 6, price_value: 'x' } },
      'attributes.product_quality: must be an integer from 1 to 5, got 6; attributes.price_value: must be an integer from 1 to 5, got "x"',
    ],
    [
      'region',
      { ...valid, region: 'mars' },
      'region: must be one of "north", "south", "east", "west", "central", "international", got "mars"',
    ],
    ['comments', { ...valid, comments: 42 }, 'comments: must be text, got 42'],
    [
      'comments',
      { ...valid, comments: 'x'.repeat(2001) },
      'comments: must be at most 2000 characters, got 2001',
    ],
    [
      'low_score_reason',
      { overall: 1, rebuy: 1, low_score_reason: ['x'] },
      'low_score_reason: must be text, got ["x"]',
    ],
  ])('refuses a bad %s answer (case %#)', (question, data, message) => {
    expect(issuesOf(validateAnswers(customer, data))).toEqual([{ question, message }])
  })

  test('reports one issue per bad question, each naming it', () => {
    const result = validateAnswers(customer, { overall: 9, attributes: { x: 1, y: 2 }, foo: 1 })
    expect(issuesOf(result).map((i) => i.question)).toEqual([
      'overall',
      'attributes',
      'foo',
      'rebuy',
    ])
    for (const issue of issuesOf(result))
      expect(issue.message.startsWith(issue.question)).toBe(true)
  })

  test.each([[[]], [null], ['text'], [42], [new Date()]])('refuses %j as data', (data) => {
    expect(issuesOf(validateAnswers(customer, data))).toEqual([
      {
        question: '(data)',
        message: 'data: must be a JSON object of answers keyed by question name',
      },
    ])
  })

  test('refuses an oversized submission', () => {
    const result = validateAnswers(customer, { ...valid, comments: 'x'.repeat(1_100_000) })
    expect(issuesOf(result)[0]?.question).toBe('(data)')
  })

  test('a "__proto__" key is an unknown question, not a prototype', () => {
    const result = validateAnswers(
      customer,
      JSON.parse('{"overall":4,"rebuy":5,"__proto__":{"x":1}}'),
    )
    expect(issuesOf(result)).toEqual([
      { question: '__proto__', message: '__proto__: not a question in this survey' },
    ])
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
    expect(validateAnswers(followUp, { overall: 4, why: 'x' })).toEqual({
      ok: true,
      data: { overall: 4 },
    })
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
                {
                  type: 'panel',
                  name: 'inner',
                  visibleIf: '{delivery} < 3',
                  elements: [{ type: 'comment', name: 'late', isRequired: true }],
                },
              ],
            },
          ],
        },
      ],
    }
    expect(validateAnswers(definition, { buyer: false, delivery: 9 })).toEqual({
      ok: true,
      data: { buyer: false },
    })
    expect(issuesOf(validateAnswers(definition, { buyer: true }))).toEqual([
      { question: 'delivery', message: 'delivery: an answer is required' },
    ])
    expect(issuesOf(validateAnswers(definition, { buyer: true, delivery: 2 }))[0]?.question).toBe(
      'late',
    )
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
    expect(
      issuesOf(validateAnswers(definition, { complained: true })).map((i) => i.question),
    ).toEqual(['complaint', 'order'])
    expect(validateAnswers(definition, { complained: false }).ok).toBe(true)
  })

  test('clearInvisibleValues "none" keeps (and checks) hidden answers', () => {
    const definition = { ...followUp, clearInvisibleValues: 'none' }
    expect(validateAnswers(definition, { overall: 4, why: 'x' })).toEqual({
      ok: true,
      data: { overall: 4, why: 'x' },
    })
    expect(validateAnswers(definition, { overall: 4, why: 12 }).ok).toBe(false)
  })
})
