import { describe, expect, test } from 'vitest'
import { lintDefinition } from '../../server/surveys'

const overall = { type: 'rating', name: 'overall', rateMin: 1, rateMax: 5 }

describe('lintDefinition()', () => {
  test('a small clean survey has no problems', () => {
    expect(
      lintDefinition({ title: 'Hi {pageno}', completedHtml: '<p>Thanks</p>', elements: [overall] }),
    ).toEqual([])
  })

  test.each([
    ['not an object', [], 'survey: the definition must be a JSON object'],
    ['no pages', { title: 'x' }, 'survey: has no pages or elements'],
    [
      'piping into completedHtml',
      { completedHtml: '<p>Hi {name}</p>', elements: [overall] },
      'survey.completedHtml: pipes {name} into HTML; use static text instead',
    ],
    [
      'piping into a conditional thank-you',
      {
        completedHtmlOnCondition: [{ expression: '{overall} > 3', html: '{overall}!' }],
        elements: [overall],
      },
      'survey.completedHtmlOnCondition[0]: pipes {overall} into HTML; use static text instead',
    ],
    [
      'piping into an html question',
      { elements: [overall, { type: 'html', name: 'h', html: '<b>{overall}</b>' }] },
      'h.html: pipes {overall} into HTML; use static text instead',
    ],
    [
      'piping into a title',
      { elements: [overall, { type: 'comment', name: 'c', title: 'Why {overall}?' }] },
      'c.title: pipes the answer {overall} into displayed text',
    ],
    [
      'piping into a localised description',
      {
        elements: [
          overall,
          { type: 'comment', name: 'c', description: { default: 'x', de: '{ overall }' } },
        ],
      },
      'c.description: pipes the answer {overall} into displayed text',
    ],
    [
      'piping into a choice text',
      {
        elements: [
          overall,
          { type: 'radiogroup', name: 'r', choices: [{ value: 1, text: 'You said {overall}' }] },
        ],
      },
      'r.choices.text: pipes the answer {overall} into displayed text',
    ],
    [
      'an invalid condition',
      { elements: [overall, { type: 'comment', name: 'c', visibleIf: '{overall} = = 1' }] },
      'c: visibleIf "{overall} = = 1" is not a valid SurveyJS expression',
    ],
    [
      'an unknown type',
      { elements: [overall, { type: 'nouislider', name: 's' }] },
      's: unknown question type "nouislider"',
    ],
    [
      'a nameless question',
      { elements: [overall, { type: 'text' }] },
      '(unnamed text): a question needs a name',
    ],
    [
      'a duplicated name',
      { elements: [overall, { type: 'rating', name: 'overall' }] },
      'overall: the name is used by two questions',
    ],
    [
      'overall on 0–10',
      { elements: [{ type: 'rating', name: 'overall', rateMin: 0, rateMax: 10 }] },
      'overall: must use a 1–5 scale, has an integer from 0 to 10',
    ],
    [
      'rebuy as a boolean',
      { elements: [overall, { type: 'boolean', name: 'rebuy' }] },
      'rebuy: the rebuy question must be a rating on a 1–5 scale, not boolean',
    ],
    [
      'imp_ on 1–7',
      {
        elements: [
          overall,
          { type: 'rating', name: 'price' },
          { type: 'rating', name: 'imp_price', rateMax: 7 },
        ],
      },
      'imp_price: must use a 1–5 scale, has an integer from 1 to 7',
    ],
    [
      'a text-column attribute matrix',
      {
        elements: [
          overall,
          { type: 'matrix', name: 'attributes', columns: ['Good', 'Bad'], rows: ['price'] },
        ],
      },
      'attributes: columns must be the values 1–5, has one of "Good", "Bad"',
    ],
    [
      'an attribute key with spaces',
      {
        elements: [
          overall,
          { type: 'matrix', name: 'attributes', columns: [1, 2, 3, 4, 5], rows: ['easy to use'] },
        ],
      },
      'attributes.easy to use: row values are keys; use lower_snake_case',
    ],
    [
      'importance without satisfaction',
      {
        elements: [
          overall,
          { type: 'matrix', name: 'importance', columns: [1, 2, 3, 4, 5], rows: ['price'] },
        ],
      },
      'importance.price: has no satisfaction item with the same key',
    ],
    [
      'an unknown audience',
      { audience: 'partner', elements: [overall] },
      'survey: audience must be one of customer, wholesaler, retailer, employee',
    ],
  ])('flags %s', (_label, definition, problem) => {
    expect(lintDefinition(definition)).toEqual([problem])
  })
})
