import { describe, expect, test } from 'vitest'
import { validateAnswers } from '../../server/surveys'
import { issuesOf, survey } from './helpers'

describe('validateAnswers(): question types', () => {
  test.each([
    [
      'custom rateValues',
      { type: 'rating', name: 'q', rateValues: ['Item 1', 'Item 2'] },
      'Item 2',
      'Item 2',
    ],
    [
      'rateValues objects',
      {
        type: 'rating',
        name: 'q',
        rateValues: [
          { value: 1, text: 'Low' },
          { value: 7, text: 'High' },
        ],
      },
      7,
      7,
    ],
    ['an NPS 0', { type: 'rating', name: 'q', rateMin: 0, rateMax: 10 }, 0, 0],
    [
      'a rateStep value',
      { type: 'rating', name: 'q', rateMin: 0, rateMax: 1, rateStep: 0.25 },
      0.75,
      0.75,
    ],
    [
      'string matrix columns, as numbers',
      { type: 'matrix', name: 'q', columns: ['1', '2', '3'], rows: ['a'] },
      { a: '3' },
      { a: 3 },
    ],
    [
      'a number for a string column',
      { type: 'matrix', name: 'q', columns: ['1', '2', '3'], rows: ['a'] },
      { a: 2 },
      { a: 2 },
    ],
    [
      'text matrix columns',
      { type: 'matrix', name: 'q', columns: ['Good', 'Poor'], rows: ['a'] },
      { a: 'Poor' },
      { a: 'Poor' },
    ],
    [
      'a checkbox list',
      { type: 'checkbox', name: 'q', choices: ['a', 'b', 'c'] },
      ['c', 'a'],
      ['c', 'a'],
    ],
    [
      'checkbox "none"',
      { type: 'checkbox', name: 'q', choices: ['a'], showNoneItem: true },
      ['none'],
      ['none'],
    ],
    [
      'a value|text choice',
      { type: 'radiogroup', name: 'q', choices: ['low|Too low', 'high|Too high'] },
      'low',
      'low',
    ],
    [
      '"other" with hasOther',
      { type: 'dropdown', name: 'q', choices: ['a'], hasOther: true },
      'other',
      'other',
    ],
    ['choicesMin/Max', { type: 'dropdown', name: 'q', choicesMin: 1, choicesMax: 10 }, 7, 7],
    [
      'choices by URL',
      { type: 'dropdown', name: 'q', choicesByUrl: { url: 'https://example.com' } },
      'anything',
      'anything',
    ],
    ['a boolean', { type: 'boolean', name: 'q' }, false, false],
    [
      'boolean valueTrue',
      { type: 'boolean', name: 'q', valueTrue: 'yes', valueFalse: 'no' },
      'yes',
      'yes',
    ],
    ['a number text', { type: 'text', name: 'q', inputType: 'number' }, '12.5', 12.5],
    ['a date text', { type: 'text', name: 'q', inputType: 'date' }, '2025-10-30', '2025-10-30'],
    [
      'matrixdynamic rows',
      { type: 'matrixdynamic', name: 'q', columns: [{ name: 'c' }] },
      [{ c: 1 }],
      [{ c: 1 }],
    ],
    [
      'multipletext items',
      { type: 'multipletext', name: 'q', items: [{ name: 'a' }] },
      { a: '100' },
      { a: '100' },
    ],
    ['a custom widget value', { type: 'nouislider', name: 'q' }, [10, 90], [10, 90]],
    ['an expression value', { type: 'expression', name: 'q', expression: '1 + 1' }, 2, 2],
  ])('accepts %s', (_label, question, value, expected) => {
    expect(validateAnswers(survey(question), { q: value })).toEqual({
      ok: true,
      data: { q: expected },
    })
  })

  test.each([
    [
      'a value outside rateValues',
      { type: 'rating', name: 'q', rateValues: ['Item 1', 'Item 2'] },
      'Item 3',
      'q: must be one of "Item 1", "Item 2", got "Item 3"',
    ],
    [
      'an NPS 11',
      { type: 'rating', name: 'q', rateMin: 0, rateMax: 10 },
      11,
      'q: must be an integer from 0 to 10, got 11',
    ],
    [
      'a checkbox scalar',
      { type: 'checkbox', name: 'q', choices: ['a'] },
      'a',
      'q: must be a list of choices, got "a"',
    ],
    [
      'an undeclared checkbox item',
      { type: 'checkbox', name: 'q', choices: ['a'] },
      ['a', 'z'],
      'q: "z" is not one of its choices',
    ],
    [
      'a duplicated checkbox item',
      { type: 'checkbox', name: 'q', choices: ['a'] },
      ['a', 'a'],
      'q: "a" is selected twice',
    ],
    [
      'too many checkbox items',
      { type: 'checkbox', name: 'q', choices: ['a', 'b'], maxSelectedChoices: 1 },
      ['a', 'b'],
      'q: at most 1 choices may be selected, got 2',
    ],
    [
      '"other" without hasOther',
      { type: 'dropdown', name: 'q', choices: ['a'] },
      'other',
      'q: must be one of "a", got "other"',
    ],
    [
      'a string boolean',
      { type: 'boolean', name: 'q' },
      'true',
      'q: must be true or false, got "true"',
    ],
    [
      'an answer to an html element',
      { type: 'html', name: 'q', html: '<p>Hi</p>' },
      'x',
      'q: is a html element and carries no answer',
    ],
    [
      'a word for a number text',
      { type: 'text', name: 'q', inputType: 'number' },
      'ten',
      'q: must be a number, got "ten"',
    ],
    [
      'an object for matrixdynamic',
      { type: 'matrixdynamic', name: 'q' },
      { a: 1 },
      'q: must be a list of rows, got {"a":1}',
    ],
    [
      'an oversized custom answer',
      { type: 'file', name: 'q' },
      ['x'.repeat(200_000)],
      'q: answer too large (200004 characters, at most 100000)',
    ],
  ])('refuses %s', (_label, question, value, message) => {
    expect(issuesOf(validateAnswers(survey(question), { q: value }))).toEqual([
      { question: 'q', message },
    ])
  })

  test('the "-Comment" key is accepted only where the question has one', () => {
    const definition = survey(
      { type: 'dropdown', name: 'q', choices: ['a'], showOtherItem: true },
      { type: 'rating', name: 'r', showCommentArea: true },
      { type: 'rating', name: 's' },
    )
    const data = { q: 'other', 'q-Comment': 'mine', r: 3, 'r-Comment': 'because' }
    expect(validateAnswers(definition, data)).toEqual({ ok: true, data })
    expect(issuesOf(validateAnswers(definition, { s: 3, 's-Comment': 'x' }))[0]?.question).toBe(
      's-Comment',
    )
  })

  test('valueName is the answer key', () => {
    const definition = survey({
      type: 'rating',
      name: 'q1',
      valueName: 'overall',
      isRequired: true,
    })
    expect(validateAnswers(definition, { overall: 5 })).toEqual({ ok: true, data: { overall: 5 } })
    expect(issuesOf(validateAnswers(definition, { q1: 5 })).map((i) => i.question)).toEqual(['q1'])
  })

  test('eachRowRequired / isAllRowRequired asks for every visible row', () => {
    for (const flag of ['isAllRowRequired', 'eachRowRequired']) {
      const definition = survey(
        {
          type: 'matrix',
          name: 'm',
          columns: [1, 2],
          rows: ['a', 'b', { value: 'c', visibleIf: '{x} = 1' }],
          [flag]: true,
        },
        { type: 'text', name: 'x' },
      )
      expect(issuesOf(validateAnswers(definition, { m: { a: 1 } }))).toEqual([
        { question: 'm', message: 'm: every row must be answered (missing b)' },
      ])
      expect(validateAnswers(definition, { m: { a: 1, b: 2, c: 1 } })).toEqual({
        ok: true,
        data: { m: { a: 1, b: 2 } },
      })
    }
  })
})
