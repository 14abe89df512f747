import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { lintDefinition, ratingsOf, surveyRoles } from '../../server/surveys'
import type { SurveyDefinition } from '../../server/surveys'
import { problemIssue, surveyProblems } from '../../server/surveys/role-gaps'
import { parseRoleMapping, withRoleMapping } from '../../server/surveys/role-mapping'

// Public SurveyJS definitions beside the repository (see ../shared/surveyjs/SOURCES.md), read
// in place: real Creator surveys whose question names follow no convention of ours.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const sharedDir = resolve(repoRoot, '../shared/surveyjs')
const exists = existsSync(sharedDir)
if (!exists) console.warn(`Skipping shared SurveyJS role-mapping tests: ${sharedDir} is absent`)

const load = (file: string): SurveyDefinition =>
  JSON.parse(readFileSync(resolve(sharedDir, file), 'utf8'))

const suiteName = exists
  ? `csiRoles mapping on shared SurveyJS definitions in ${sharedDir}`
  : `csiRoles mapping on shared SurveyJS definitions: SKIPPED, ${sharedDir} is absent`

describe.skipIf(!exists)(suiteName, () => {
  const employee = () =>
    withRoleMapping(
      load('employee_engagement_survey.json'),
      parseRoleMapping([
        'attributes=environment_ratings,role_clarity',
        'overall=overall_satisfaction',
      ]),
    )

  test('employee_engagement_survey.json: the mapped roles resolve and the survey may be published', () => {
    const roles = surveyRoles(employee())
    expect(roles.overall).toBe('overall_satisfaction')
    expect(roles.attributes.map((a) => [a.key, a.source])).toEqual([
      ['safe_environment', 'matrix'],
      ['respectful_culture', 'matrix'],
      ['tools_and_resources', 'matrix'],
      ['role_clarity', 'rating'],
    ])
    expect(lintDefinition(employee())).toEqual([])
    expect(surveyProblems(employee(), 'employee')).toEqual([])
    expect(surveyProblems(employee(), 'customer')).toEqual([])
    // Without the mapping the convention finds no overall question.
    expect(surveyRoles(load('employee_engagement_survey.json')).overall).toBeNull()
  })

  test('employee_engagement_survey.json: ratingsOf reads the sample answers through the mapping', () => {
    const results = resolve(sharedDir, 'sample_results/employee_engagement_survey.results.json')
    const answers: Record<string, unknown>[] = JSON.parse(readFileSync(results, 'utf8'))
    // The first sample, as written in the file.
    expect(ratingsOf(employee(), answers[0]!)).toMatchObject({
      overall: 4,
      attributes: {
        safe_environment: 3,
        respectful_culture: 5,
        tools_and_resources: 1,
        role_clarity: 2,
      },
    })
    const rating = (v: unknown) => (typeof v === 'number' && v >= 1 && v <= 5 ? v : null)
    for (const sample of answers) {
      const grid = (sample.environment_ratings ?? {}) as Record<string, unknown>
      expect(ratingsOf(employee(), sample)).toMatchObject({
        overall: rating(sample.overall_satisfaction),
        attributes: {
          safe_environment: rating(grid.safe_environment),
          respectful_culture: rating(grid.respectful_culture),
          tools_and_resources: rating(grid.tools_and_resources),
          role_clarity: rating(sample.role_clarity),
        },
      })
    }
  })

  test('product_feedback_survey_modern.json: attributes=quality is refused naming quality (its columns are words)', () => {
    const definition = withRoleMapping(
      load('product_feedback_survey_modern.json'),
      parseRoleMapping(['attributes=quality']),
    )
    const problems = surveyProblems(definition, 'customer')
    expect(problems).toContain(
      'quality: columns must be the values 1–5, has one of "Strongly disagree", "Disagree", "Undecided", "Agree", "Strongly agree"',
    )
    expect(problems).toContain('quality.needs-are-met: row values are keys; use lower_snake_case')
    expect(problems.map((p) => problemIssue(p).path)).toContain('quality')
  })
})
