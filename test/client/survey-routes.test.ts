import { describe, expect, test } from 'vitest'
import { parseRoute, surveyHref } from '../../client/dashboard/shell/routes'

describe('parseRoute() for the surveys pages', () => {
  test.each([
    ['/surveys', { page: 'surveys' }],
    ['/surveys/', { page: 'surveys' }],
    ['/surveys/new', { page: 'survey-new' }],
    ['/surveys/customer', { page: 'survey', id: 'customer', upload: false }],
    ['/surveys/customer/new-version', { page: 'survey', id: 'customer', upload: true }],
    ['/surveys/customer/other', { page: 'not-found' }],
    ['/catalogue', { page: 'catalogue' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route)
  })

  test('surveyHref() round-trips an id that needs escaping', () => {
    expect(surveyHref('a b')).toBe('/surveys/a%20b')
    expect(parseRoute(surveyHref('a b', true))).toEqual({ page: 'survey', id: 'a b', upload: true })
  })
})
