import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { lintDefinition, ratingsOf, surveyRoles, validateAnswers } from '../../server/surveys'
import type { SurveyDefinition } from '../../server/surveys'

const scale = (value: number) => ({ value, text: String(value) })
const columns = [1, 2, 3, 4, 5].map(scale)

describe('surveyRoles()', () => {
  test('finds roles in nested panels, reads localised labels, and ignores dynamic panel templates', () => {
    const definition: SurveyDefinition = {
      title: { default: 'Kundenumfrage', de: 'Kundenumfrage' },
      audience: 'customer',
      pages: [
        {
          elements: [
            {
              type: 'panel',
              name: 'outer',
              elements: [
                { type: 'panel', name: 'inner', elements: [{ type: 'rating', name: 'overall' }] },
                {
                  type: 'matrix',
                  name: 'attributes',
                  columns,
                  rows: [
                    {
                      value: 'delivery_reliability',
                      text: { default: 'Delivery', de: 'Lieferung' },
                    },
                    'price_value',
                  ],
                },
              ],
            },
            {
              type: 'paneldynamic',
              name: 'orders',
              templateElements: [{ type: 'rating', name: 'hidden_in_template' }],
            },
            { type: 'rating', name: 'speed', title: { de: 'Tempo' } },
            { type: 'rating', name: 'imp_speed' },
            { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 },
            { type: 'dropdown', name: 'region', choices: ['n'] },
            { type: 'comment', name: 'why' },
            { type: 'boolean', name: 'rebuy' },
          ],
        },
      ],
    }
    expect(surveyRoles(definition)).toEqual({
      audience: 'customer',
      title: 'Kundenumfrage',
      overall: 'overall',
      rebuy: null,
      attributes: [
        { key: 'delivery_reliability', label: 'Delivery', source: 'matrix' },
        { key: 'price_value', label: 'price_value', source: 'matrix' },
        { key: 'speed', label: 'Tempo', source: 'rating' },
      ],
      importance: ['speed'],
      attitude: [],
      segments: ['region'],
      comments: ['why'],
    })
  })

  test('top-level elements, legacy "questions" and an importance matrix', () => {
    const definition: SurveyDefinition = {
      questions: [
        { type: 'rating', name: 'rebuy' },
        { type: 'matrix', name: 'importance', columns, rows: ['price_value'] },
        { type: 'rating', name: 'price_value' },
      ],
    }
    expect(surveyRoles(definition)).toMatchObject({
      rebuy: 'rebuy',
      importance: ['price_value'],
      attributes: [{ key: 'price_value', source: 'rating' }],
    })
  })

  test('ratingsOf() reads answers through valueName', () => {
    const definition: SurveyDefinition = {
      elements: [{ type: 'rating', name: 'overall', valueName: 'q1' }],
    }
    expect(ratingsOf(definition, { q1: 4 }).overall).toBe(4)
  })

  test('never throws, whatever it is given', () => {
    const element = fc.record(
      {
        type: fc.constantFrom(
          'rating',
          'matrix',
          'panel',
          'paneldynamic',
          'dropdown',
          'comment',
          'html',
          'weird',
          3,
        ),
        name: fc.oneof(
          fc.constantFrom('overall', 'rebuy', 'attributes', 'importance', 'imp_x', 'x'),
          fc.string(),
        ),
        elements: fc.anything(),
        rows: fc.anything(),
        columns: fc.anything(),
        choices: fc.anything(),
        rateValues: fc.anything(),
        rateMin: fc.anything(),
        rateMax: fc.anything(),
        rateStep: fc.anything(),
        visibleIf: fc.oneof(fc.string(), fc.constant('{x} > 1')),
        isRequired: fc.boolean(),
      },
      { requiredKeys: ['type', 'name'] },
    )
    const definition = fc.oneof(
      fc.anything(),
      fc.record({ pages: fc.array(fc.record({ elements: fc.array(element, { maxLength: 5 }) })) }),
      fc.record({ elements: fc.array(element, { maxLength: 5 }), title: fc.anything() }),
    )
    fc.assert(
      fc.property(definition, fc.anything(), (def, data) => {
        const json = def as SurveyDefinition
        surveyRoles(json)
        lintDefinition(json)
        const result = validateAnswers(json, data)
        ratingsOf(json, result.ok ? result.data : {})
      }),
      { numRuns: 500 },
    )
  })
})
