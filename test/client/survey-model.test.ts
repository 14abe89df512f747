import { describe, expect, test } from 'vitest'
import {
  compactMapping,
  groupProblems,
  keepQuestions,
  mappingOf,
  roleLines,
  surveyOutline,
  withoutMapping,
} from '../../client/dashboard/surveys/survey-model'
import type { Roles } from '../../client/dashboard/surveys/survey-types'

const creator = () => ({
  title: 'Our customers',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'rating', name: 'q_satisfaction', title: 'How satisfied are you overall?' },
        {
          type: 'panel',
          name: 'box',
          elements: [
            {
              type: 'matrix',
              name: 'service_grid',
              title: { default: 'Rate our service', de: 'Bewerten Sie' },
              columns: [1, 2, 3, 4, 5],
              rows: [{ value: 'delivery', text: 'Delivery' }, 'price_value'],
            },
          ],
        },
        { type: 'dropdown', name: 'where_from', choices: ['north', 'south'] },
      ],
    },
  ],
})

const roles = (over: Partial<Roles> = {}): Roles => ({
  overall: null,
  rebuy: null,
  attributes: [],
  importance: [],
  attitude: [],
  segments: [],
  ...over,
})

describe('surveyOutline()', () => {
  test('questions in page order, panels entered, localised titles in the default language', () => {
    expect(surveyOutline(creator())).toEqual([
      { name: 'q_satisfaction', type: 'rating', title: 'How satisfied are you overall?', rows: [] },
      {
        name: 'service_grid',
        type: 'matrix',
        title: 'Rate our service',
        rows: ['delivery', 'price_value'],
      },
      { name: 'where_from', type: 'dropdown', title: 'where_from', rows: [] },
    ])
  })
  test('a survey with top-level elements is one page', () => {
    expect(surveyOutline({ elements: [{ type: 'text', name: 'x' }] }).map((q) => q.name)).toEqual([
      'x',
    ])
  })
})

describe('groupProblems()', () => {
  test('by question (its title and name), by role, or the survey as a whole, in order found', () => {
    const groups = groupProblems(
      [
        { path: 'overall', message: 'no 1–5 rating question named "overall"' },
        { path: 'service_grid', message: 'columns must be 1–5' },
        { path: 'service_grid.rows', message: 'visibleIf "x >" is not valid' },
        { path: 'survey', message: 'has no pages' },
        { path: 'where_from', message: 'has no title' },
      ],
      surveyOutline(creator()),
    )
    expect(groups).toEqual([
      { key: 'overall', label: 'Role: Overall satisfaction', messages: [expect.any(String)] },
      {
        key: 'service_grid',
        label: 'Rate our service (service_grid)',
        messages: ['columns must be 1–5', 'visibleIf "x >" is not valid'],
      },
      { key: 'survey', label: 'The survey as a whole', messages: ['has no pages'] },
      { key: 'where_from', label: 'where_from', messages: ['has no title'] },
    ])
  })
})

describe('roleLines()', () => {
  test('mapped roles in plain words; matrix attributes name their matrix', () => {
    const lines = roleLines(
      roles({
        overall: 'q_satisfaction',
        attributes: [
          { key: 'delivery', label: 'Delivery', source: 'matrix' },
          { key: 'price_value', label: 'price_value', source: 'matrix' },
          { key: 'speed', label: 'Speed', source: 'rating' },
        ],
        segments: ['where_from'],
      }),
      surveyOutline(creator()),
      { overall: 'q_satisfaction', attributes: ['service_grid', 'speed'] },
      'customer',
    )
    expect(lines.map((l) => `${l.label}: ${l.value ?? 'none'}`)).toEqual([
      'Overall satisfaction: q_satisfaction',
      'Intention to re-buy: none',
      'Attributes: delivery, price_value (from service_grid); speed (rating questions)',
      'Stated importance: none',
      'Segments: where_from',
    ])
  })
  test('attitude items are listed for an employee survey only', () => {
    const outline = surveyOutline(creator())
    expect(roleLines(roles(), outline, {}, 'employee').map((l) => l.role)).toContain('attitude')
    expect(roleLines(roles(), outline, {}, 'customer').map((l) => l.role)).not.toContain('attitude')
  })
})

describe('mappings', () => {
  test('compactMapping() leaves out empty roles', () => {
    expect(compactMapping({ overall: '', rebuy: 'r', attributes: [], segments: ['s'] })).toEqual({
      rebuy: 'r',
      segments: ['s'],
    })
  })
  test('mappingOf() reads csiRoles, ignoring what is not a question name', () => {
    const def = { ...creator(), csiRoles: { overall: 'q_satisfaction', attributes: ['a', 3] } }
    expect(mappingOf(def)).toEqual({ overall: 'q_satisfaction', attributes: ['a'] })
    expect(mappingOf(creator())).toEqual({})
    expect(withoutMapping(def)).toEqual(creator())
  })
  test('keepQuestions() drops roles whose questions the new file no longer has', () => {
    expect(
      keepQuestions(
        { overall: 'gone', rebuy: 'q_satisfaction', attributes: ['service_grid', 'old'] },
        creator(),
      ),
    ).toEqual({ rebuy: 'q_satisfaction', attributes: ['service_grid'] })
  })
})
