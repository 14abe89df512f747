import { describe, expect, test } from 'vitest'
import { lintDefinition, ratingsOf, surveyRoles } from '../../server/surveys'
import type { SurveyDefinition } from '../../server/surveys'
import { roleCandidates } from '../../server/surveys/role-candidates'
import { problemIssue, roleGaps, surveyProblems } from '../../server/surveys/role-gaps'
import type { RoleMapping } from '../../server/surveys/role-mapping'
import {
  parseRoleMapping,
  roleMappingOf,
  withoutRoleMapping,
  withRoleMapping,
} from '../../server/surveys/role-mapping'

const columns = [1, 2, 3, 4, 5]

/** A survey as SurveyJS Creator names things: nothing follows the naming convention. */
function creatorSurvey(): SurveyDefinition {
  return {
    title: 'Creator survey',
    audience: 'customer',
    pages: [
      {
        name: 'page1',
        elements: [
          { type: 'rating', name: 'q_satisfaction', title: 'How satisfied are you?' },
          { type: 'rating', name: 'q_again', title: 'Would you buy again?', rateMax: 5 },
          {
            type: 'matrix',
            name: 'service_grid',
            title: 'Our service',
            columns,
            rows: [
              { value: 'delivery', text: 'Delivery' },
              { value: 'price_value', text: 'Price for value' },
            ],
          },
          { type: 'matrix', name: 'how_important', columns, rows: ['delivery', 'price_value'] },
          { type: 'dropdown', name: 'where_from', title: 'Region', choices: ['north', 'south'] },
          { type: 'dropdown', name: 'ignored_dd', choices: ['a', 'b'] },
          { type: 'rating', name: 'q_speed', title: 'Speed' },
          { type: 'rating', name: 'q_nps', rateMin: 0, rateMax: 10 },
          { type: 'comment', name: 'why' },
        ],
      },
    ],
  }
}

const mapping: RoleMapping = {
  overall: 'q_satisfaction',
  rebuy: 'q_again',
  attributes: ['service_grid'],
  importance: 'how_important',
  segments: ['where_from'],
}
const mapped = () => withRoleMapping(creatorSurvey(), mapping)

/** The survey with one element replaced (by name) or added. */
function edited(definition: SurveyDefinition, element: Record<string, unknown>) {
  const copy = structuredClone(definition) as { pages: [{ elements: Record<string, unknown>[] }] }
  const elements = copy.pages[0].elements
  const at = elements.findIndex((e) => e.name === element.name)
  if (at < 0) elements.push(element)
  else elements[at] = element
  return copy as SurveyDefinition
}

const answers = {
  q_satisfaction: 4,
  q_again: 5,
  service_grid: { delivery: 2, price_value: '3' },
  how_important: { delivery: 5 },
  where_from: 'north',
  ignored_dd: 'a',
  q_speed: 1,
  q_nps: 9,
}

describe('surveyRoles() with a csiRoles mapping', () => {
  test('without the mapping, the convention finds no overall and takes every rating as an attribute', () => {
    const roles = surveyRoles(creatorSurvey())
    expect(roles.overall).toBeNull()
    expect(roles.rebuy).toBeNull()
    expect(roles.attributes.map((a) => a.key)).toEqual(['q_satisfaction', 'q_again', 'q_speed'])
    expect(roleGaps(creatorSurvey(), 'customer')[0]).toMatch(/^overall: /)
  })

  test('the mapped questions play their roles, and only they', () => {
    expect(surveyRoles(mapped())).toEqual({
      audience: 'customer',
      title: 'Creator survey',
      overall: 'q_satisfaction',
      rebuy: 'q_again',
      attributes: [
        { key: 'delivery', label: 'Delivery', source: 'matrix' },
        { key: 'price_value', label: 'Price for value', source: 'matrix' },
      ],
      importance: ['delivery', 'price_value'],
      attitude: [],
      segments: ['where_from'],
      comments: ['why'],
    })
    expect(roleGaps(mapped(), 'customer')).toEqual([])
  })

  test('mapped ratings are attributes keyed by their name; unmapped segments default to every dropdown', () => {
    const definition = withRoleMapping(creatorSurvey(), {
      ...mapping,
      attributes: ['service_grid', 'q_speed'],
      segments: undefined,
    })
    const roles = surveyRoles(definition)
    expect(roles.attributes).toEqual([
      { key: 'delivery', label: 'Delivery', source: 'matrix' },
      { key: 'price_value', label: 'Price for value', source: 'matrix' },
      { key: 'q_speed', label: 'Speed', source: 'rating' },
    ])
    expect(roles.segments).toEqual(['where_from', 'ignored_dd'])
    expect(ratingsOf(definition, answers).attributes).toEqual({
      delivery: 2,
      price_value: 3,
      q_speed: 1,
    })
  })

  test('a role the mapping leaves out follows the convention', () => {
    const definition = withRoleMapping(
      edited(creatorSurvey(), { type: 'rating', name: 'overall' }),
      { attributes: ['service_grid'] },
    )
    const roles = surveyRoles(definition)
    expect(roles.overall).toBe('overall')
    expect(roles.attributes.map((a) => a.key)).toEqual(['delivery', 'price_value'])
  })

  test('an importance matrix mapped on its own is read with imp_<key> ratings', () => {
    const definition = withRoleMapping(
      edited(creatorSurvey(), { type: 'rating', name: 'imp_price_value' }),
      mapping,
    )
    expect(surveyRoles(definition).importance).toEqual(['delivery', 'price_value'])
    expect(ratingsOf(definition, { ...answers, imp_price_value: 2 }).importance).toEqual({
      delivery: 5,
      price_value: 2,
    })
  })
})

describe('ratingsOf() with a csiRoles mapping', () => {
  test('reads overall, rebuy, attributes, importance and segments from the mapped questions', () => {
    expect(ratingsOf(mapped(), answers)).toEqual({
      audience: 'customer',
      overall: 4,
      rebuy: 5,
      attributes: { delivery: 2, price_value: 3 },
      importance: { delivery: 5, price_value: null },
      attitude: {},
      segments: { where_from: 'north' },
    })
  })

  test('the same answers without the mapping give no overall', () => {
    const ratings = ratingsOf(creatorSurvey(), answers)
    expect(ratings.overall).toBeNull()
    expect(ratings.attributes).toEqual({ q_satisfaction: 4, q_again: 5, q_speed: 1 })
  })

  test('an attitude matrix is mapped like importance', () => {
    const definition = withRoleMapping(
      edited(creatorSurvey(), {
        type: 'matrix',
        name: 'my_job',
        columns,
        rows: ['pride', 'training'],
      }),
      { attributes: ['service_grid'], attitude: 'my_job' },
    )
    expect(surveyRoles(definition).attitude).toEqual(['pride', 'training'])
    expect(ratingsOf(definition, { my_job: { pride: 5, training: '2' } }).attitude).toEqual({
      pride: 5,
      training: 2,
    })
  })
})

describe('roleCandidates()', () => {
  test('lists, per role, the questions that could play it', () => {
    const candidates = roleCandidates(creatorSurvey())
    const names = Object.fromEntries(
      Object.entries(candidates).map(([role, list]) => [role, list.map((c) => c.name)]),
    )
    expect(names).toEqual({
      overall: ['q_satisfaction', 'q_again', 'q_speed'],
      rebuy: ['q_satisfaction', 'q_again', 'q_speed'],
      attributes: ['q_satisfaction', 'q_again', 'service_grid', 'how_important', 'q_speed'],
      importance: ['service_grid', 'how_important'],
      attitude: ['service_grid', 'how_important'],
      segments: ['where_from', 'ignored_dd'],
    })
    expect(candidates.segments[0]).toEqual({
      name: 'where_from',
      title: 'Region',
      type: 'dropdown',
    })
    expect(candidates.importance[1]).toEqual({
      name: 'how_important',
      title: 'how_important',
      type: 'matrix',
    })
  })
})

describe('lintDefinition() with a csiRoles mapping', () => {
  test('a well mapped Creator survey is clean and may be published', () => {
    expect(lintDefinition(mapped())).toEqual([])
    expect(surveyProblems(mapped(), 'customer')).toEqual([])
  })

  test('a mapping that names the conventional questions is clean too', () => {
    const conventional = withRoleMapping(
      edited(edited(creatorSurvey(), { type: 'rating', name: 'overall' }), {
        type: 'matrix',
        name: 'attributes',
        columns,
        rows: ['q_speed', 'staff'],
      }),
      { overall: 'overall', attributes: ['attributes'] },
    )
    expect(lintDefinition(conventional)).toEqual([
      'q_speed: the responses CSV names the column of attributes so; rename this question',
    ])
    const clean = withRoleMapping(edited(creatorSurvey(), { type: 'rating', name: 'overall' }), {
      overall: 'overall',
      attributes: ['service_grid'],
    })
    expect(lintDefinition(clean)).toEqual([])
  })

  test.each<[string, () => SurveyDefinition, string]>([
    [
      'a mapped overall on 0–10',
      () => withRoleMapping(creatorSurvey(), { ...mapping, overall: 'q_nps' }),
      'q_nps: mapped as overall, must use a 1–5 scale, has an integer from 0 to 10',
    ],
    [
      'a mapped rebuy that is no question',
      () => withRoleMapping(creatorSurvey(), { ...mapping, rebuy: 'q_missing' }),
      'q_missing: mapped as rebuy, but the survey has no such question',
    ],
    [
      'a mapped segment that is a rating',
      () => withRoleMapping(creatorSurvey(), { ...mapping, segments: ['q_speed'] }),
      'q_speed: mapped as segments, must be dropdown or radiogroup, is rating',
    ],
    [
      'a mapped attribute matrix with text columns',
      () =>
        withRoleMapping(
          edited(creatorSurvey(), {
            type: 'matrix',
            name: 'service_grid',
            columns: ['Bad', 'Good'],
            rows: ['delivery'],
          }),
          mapping,
        ),
      'service_grid: columns must be the values 1–5, has one of "Bad", "Good"',
    ],
    [
      'a mapped attribute matrix whose row values are not keys',
      () =>
        withRoleMapping(
          edited(creatorSurvey(), {
            type: 'matrix',
            name: 'service_grid',
            columns,
            rows: ['Delivery Speed'],
          }),
          { ...mapping, importance: undefined },
        ),
      'service_grid.Delivery Speed: row values are keys; use lower_snake_case',
    ],
    [
      'a mapped attribute rating on 1–7',
      () =>
        withRoleMapping(edited(creatorSurvey(), { type: 'rating', name: 'q_speed', rateMax: 7 }), {
          ...mapping,
          attributes: ['service_grid', 'q_speed'],
        }),
      'q_speed: mapped as an attribute, must use a 1–5 scale, has an integer from 1 to 7',
    ],
    [
      'a mapped importance matrix on 0–10',
      () =>
        withRoleMapping(
          edited(creatorSurvey(), {
            type: 'matrix',
            name: 'how_important',
            columns: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
            rows: ['delivery'],
          }),
          mapping,
        ),
      'how_important: columns must be the values 1–5, has an integer from 0 to 10',
    ],
    [
      'the same attribute key in two mapped matrices',
      () =>
        withRoleMapping(
          edited(creatorSurvey(), {
            type: 'matrix',
            name: 'more_grid',
            columns,
            rows: ['staff', 'delivery'],
          }),
          { ...mapping, attributes: ['service_grid', 'more_grid'] },
        ),
      'delivery: the attribute key is in both service_grid and more_grid; use it once',
    ],
    [
      'one question in two roles',
      () =>
        withRoleMapping(creatorSurvey(), {
          ...mapping,
          attributes: ['service_grid', 'q_satisfaction'],
        }),
      'q_satisfaction: mapped as both overall and attributes; a question plays one role',
    ],
    [
      'another question named like a mapped role column',
      () => withRoleMapping(edited(creatorSurvey(), { type: 'comment', name: 'overall' }), mapping),
      'overall: the responses CSV names the column of q_satisfaction so; rename this question',
    ],
    [
      'a thank-you page that pipes a mapped answer',
      () => ({ ...mapped(), completedHtml: '<p>You gave us {q_satisfaction}</p>' }),
      'survey.completedHtml: pipes {q_satisfaction} into HTML; use static text instead',
    ],
    [
      'a mapped importance row without a satisfaction item',
      () =>
        withRoleMapping(
          edited(creatorSurvey(), {
            type: 'matrix',
            name: 'how_important',
            columns,
            rows: ['delivery', 'parking'],
          }),
          mapping,
        ),
      'how_important.parking: has no satisfaction item with the same key',
    ],
    [
      'a mapping that is not an object',
      () => ({ ...creatorSurvey(), csiRoles: 'overall=q_satisfaction' }),
      'csiRoles: must be an object of roles and question names',
    ],
  ])('refuses %s, naming the question', (_, definition, problem) => {
    expect(lintDefinition(definition())).toContain(problem)
    expect(surveyProblems(definition(), 'customer')).toContain(problem)
  })

  test('a problem becomes an API issue whose path is the question', () => {
    const [problem] = lintDefinition(withRoleMapping(creatorSurvey(), { overall: 'q_nps' }))
    expect(problemIssue(problem!)).toEqual({
      path: 'q_nps',
      message: 'mapped as overall, must use a 1–5 scale, has an integer from 0 to 10',
    })
  })
})

describe('the mapping inside a definition', () => {
  test('withRoleMapping stores it under csiRoles; withoutRoleMapping removes it', () => {
    const definition = mapped()
    expect(definition.csiRoles).toEqual(mapping)
    expect(roleMappingOf(definition)).toEqual(mapping)
    expect(withoutRoleMapping(definition)).toEqual(creatorSurvey())
    expect(roleMappingOf(withRoleMapping(definition, {}))).toBeNull()
  })

  test('parseRoleMapping reads --map arguments and names a bad one', () => {
    expect(
      parseRoleMapping(['overall=q_satisfaction', 'attributes=service_grid, q_speed']),
    ).toEqual({ overall: 'q_satisfaction', attributes: ['service_grid', 'q_speed'] })
    expect(() => parseRoleMapping(['overall=a,b'])).toThrow('--map overall=a,b')
    expect(() => parseRoleMapping(['colour=x'])).toThrow('--map colour=x')
  })
})
