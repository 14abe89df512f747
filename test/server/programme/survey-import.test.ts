import { describe, expect, test } from 'vitest'
import { prepareSurvey, slugOf } from '../../../server/programme/survey-import'
import { withRoleMapping } from '../../../server/surveys/role-mapping'
import { makeTestApp } from '../../helpers/app'
import { creatorMapping, creatorSurvey } from '../../helpers/creator-survey'
import { signedInAs } from '../../helpers/session'

type Page = { elements: Array<{ name: string }> }
const without = (name: string) => {
  const definition = creatorSurvey()
  const page = (definition.pages as Page[])[0]!
  page.elements = page.elements.filter((e) => e.name !== name)
  return definition
}

describe('slugOf()', () => {
  test.each([
    ['Customer survey 2027', 'customer-survey-2027'],
    ['  Zufriedenheit – Händler  ', 'zufriedenheit-handler'],
    ['2027 staff pulse', 's-2027-staff-pulse'],
    ['日本語', null],
    ['', null],
    // /surveys/new is the dashboard's import page
    ['New', null],
  ])('%s → %s', (title, slug) => expect(slugOf(title)).toBe(slug))

  test('stays a valid id however long the title', () => {
    expect(slugOf('a'.repeat(300))).toMatch(/^[a-z][a-z0-9_-]{0,63}$/)
  })
})

describe('prepareSurvey()', () => {
  const previous = withRoleMapping(creatorSurvey(), creatorMapping)

  test('without a mapping, the previous version’s carries over, less the questions now gone', () => {
    const { definition, problems } = prepareSurvey(
      { audience: 'customer', definition: without('branch') },
      previous,
    )
    expect(problems).toEqual([])
    expect(definition.csiRoles).toEqual({ ...creatorMapping, segments: undefined })
    expect(definition.csiRoles).not.toHaveProperty('segments')
  })

  test('a role whose question was removed is a problem naming the role', () => {
    const { problems } = prepareSurvey(
      { audience: 'customer', definition: without('q_satisfaction') },
      previous,
    )
    expect(problems.map((p) => p.path)).toEqual(['overall'])
  })

  test('an explicit mapping wins over the definition’s own csiRoles; null removes it', () => {
    const own = withRoleMapping(creatorSurvey(), { ...creatorMapping, rebuy: 'q_satisfaction' })
    const given = prepareSurvey(
      { audience: 'customer', definition: own, mapping: creatorMapping },
      null,
    )
    expect(given.definition.csiRoles).toEqual(creatorMapping)
    const cleared = prepareSurvey(
      { audience: 'customer', definition: own, mapping: null },
      previous,
    )
    expect(cleared.definition).not.toHaveProperty('csiRoles')
    expect(cleared.problems.map((p) => p.path)).toEqual(['overall'])
  })

  test('an employee survey needs no overall; a definition for another audience is refused', () => {
    expect(
      prepareSurvey(
        {
          audience: 'employee',
          definition: { ...creatorSurvey(), audience: 'employee' },
          mapping: { attributes: ['service_grid'] },
        },
        null,
      ).problems,
    ).toEqual([])
    const other = prepareSurvey(
      {
        audience: 'employee',
        definition: { ...creatorSurvey(), audience: 'customer' },
        mapping: creatorMapping,
      },
      null,
    )
    expect(other.problems).toEqual([
      { path: 'audience', message: 'the definition says "customer", the survey is for employee' },
    ])
  })
})

describe('POST /api/surveys body limit', () => {
  test('takes a 1 MB definition, refuses one over 2 MB before reading it', async () => {
    const { app, store } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'admin')
    const post = (size: number) =>
      app.request('/api/surveys/check', {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          audience: 'customer',
          definition: { ...creatorSurvey(), description: 'x'.repeat(size) },
          mapping: creatorMapping,
        }),
      })
    expect((await post(1024 * 1024)).status).toBe(200)
    const big = await post(2 * 1024 * 1024)
    expect(big.status).toBe(413)
    // Other routes keep the usual limit.
    const wave = await app.request('/api/waves', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ surveyId: 'customer', name: 'x'.repeat(300 * 1024) }),
    })
    expect(wave.status).toBe(413)
  })
})
