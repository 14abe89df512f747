import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import { lintDefinition, ratingsOf, surveyRoles, validateAnswers } from '../../server/surveys'
import type { SurveyDefinition } from '../../server/surveys'
import { ratingValues } from '../../server/surveys/scales'

// Public SurveyJS definitions beside the repository (see ../shared/surveyjs/SOURCES.md); their
// licences are mixed, so they are read in place and never copied here.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const sharedDir = resolve(repoRoot, '../shared/surveyjs')
const exists = existsSync(sharedDir)
if (!exists) console.warn(`Skipping shared SurveyJS tests: ${sharedDir} is absent`)

const files = exists
  ? readdirSync(sharedDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : []
const load = (file: string): SurveyDefinition =>
  JSON.parse(readFileSync(resolve(sharedDir, file), 'utf8'))
const resultsFile = (file: string) =>
  resolve(sharedDir, 'sample_results', file.replace(/\.json$/, '.results.json'))
const withResults = files.filter((file) => existsSync(resultsFile(file)))
const loadResults = (file: string): unknown[] => JSON.parse(readFileSync(resultsFile(file), 'utf8'))

/** Sample result sets that break their own definition (SOURCES.md), and exactly how. */
const knownViolations: Record<
  string,
  (issues: Array<{ row: number; question: string; message: string }>) => void
> = {
  'analytics_rating_custom_rateValues.json': (issues) => {
    expect(issues).toEqual([
      {
        row: 9,
        question: 'question1',
        message: 'question1: must be one of "Item 1", "Item 2", got "Item 3"',
      },
    ])
  },
  'nps_survey_modern.json': (issues) => {
    // mock rows: rebuy is [true, false] for a boolean, testimonial an item object, comments arrays
    const rows = new Set(issues.map((i) => i.row))
    expect(rows.size).toBe(100)
    for (const row of rows) {
      const questions = issues.filter((i) => i.row === row).map((i) => i.question)
      expect(questions).toEqual(expect.arrayContaining(['rebuy', 'testimonial']))
      expect(questions).toHaveLength(3)
    }
    expect(issues.find((i) => i.question === 'rebuy')?.message).toBe(
      'rebuy: must be true or false, got [true,false]',
    )
    expect(issues.find((i) => i.question === 'testimonial')?.message).toMatch(
      /^testimonial: must be one of "yes", "no", got \{"value":/,
    )
    const comments = issues.filter((i) => !['rebuy', 'testimonial'].includes(i.question))
    for (const issue of comments)
      expect(issue.message).toMatch(
        /^(disappointing-experience|improvements-required): must be text, got \[/,
      )
  },
}

type AnyQuestion = ReturnType<Model['getAllQuestions']>[number]
const valuesOf = (items: Array<{ value: unknown }>) => items.map((item) => item.value)

/** Answers survey-core itself would let a respondent give (undefined = leave unanswered). */
function answerArbitrary(question: AnyQuestion): fc.Arbitrary<unknown> | null {
  switch (question.getType()) {
    case 'rating':
      return fc.constantFrom(...valuesOf(question.visibleRateValues))
    case 'matrix': {
      const cells = fc.constantFrom(...valuesOf(question.columns))
      const rows = Object.fromEntries(
        question.rows.map((r: { value: unknown }) => [String(r.value), cells]),
      )
      return fc.record(rows, {
        requiredKeys: question.eachRowRequired ? undefined : [],
        noNullPrototype: true,
      })
    }
    case 'dropdown':
    case 'radiogroup':
      return fc.constantFrom(...valuesOf(question.choices))
    case 'checkbox': {
      const max = question.maxSelectedChoices || question.choices.length
      return fc.subarray(valuesOf(question.choices), { minLength: 1, maxLength: max })
    }
    case 'boolean':
      return fc.boolean()
    case 'comment':
    case 'text':
      return question.inputType === 'date'
        ? fc.constant('2025-10-30')
        : fc.string({ minLength: 1, maxLength: 200 })
    case 'matrixdropdown':
      return fc.constant({ [String(question.rows[0].value)]: { [question.columns[0].name]: 1 } })
    default:
      return null
  }
}

const suiteName = exists
  ? `shared SurveyJS definitions in ${sharedDir}`
  : `shared SurveyJS definitions: SKIPPED, ${sharedDir} is absent`

describe.skipIf(!exists)(suiteName, () => {
  test('the folder holds definitions and sample results', () => {
    expect(files.length).toBeGreaterThanOrEqual(10)
    expect(withResults.length).toBeGreaterThanOrEqual(5)
  })

  test.each(files)('%s loads in survey-core', (file) => {
    const model = new Model(load(file))
    expect(model.getAllQuestions().length).toBeGreaterThan(0)
  })

  test.each(files)('%s: surveyRoles() gives sensible roles', (file) => {
    const definition = load(file)
    const roles = surveyRoles(definition)
    const names = new Model(definition).getAllQuestions().map((q) => q.name)
    // every role is a question of the survey, and no question plays two roles
    const questionRoles = [roles.overall, roles.rebuy, ...roles.segments, ...roles.comments].filter(
      Boolean,
    )
    for (const name of questionRoles) expect(names).toContain(name)
    expect(new Set(questionRoles).size).toBe(questionRoles.length)
    for (const attribute of roles.attributes.filter((a) => a.source === 'rating')) {
      expect(names).toContain(attribute.key)
      expect(ratingValues(new Model(definition).getQuestionByName(attribute.key).toJSON())).toEqual(
        [1, 2, 3, 4, 5],
      )
    }
  })

  test.each(files)('%s: our rating scales are the ones survey-core offers', (file) => {
    const model = new Model(load(file))
    for (const question of model.getAllQuestions(false, false, true)) {
      if (question.getType() !== 'rating') continue
      const offered = question.visibleRateValues.map((v: { value: unknown }) => v.value)
      expect(ratingValues(question.toJSON()), question.name).toEqual(offered)
    }
  })

  test('expected roles in the engagement, product and smartphone surveys', () => {
    const attributes = (file: string) => surveyRoles(load(file)).attributes.map((a) => a.key)
    expect(attributes('employee_engagement_survey.json')).toEqual([
      'overall_satisfaction',
      'role_clarity',
      'work_life_balance',
      'recognition',
      'career_growth',
    ])
    expect(attributes('product_feedback_survey_classic.json')).toEqual([
      'satisfaction',
      'recommend friends',
    ])
    expect(attributes('analytics_nps_0_10.json')).toEqual([])
    expect(surveyRoles(load('nps_survey_modern.json'))).toMatchObject({
      title: 'NPS Demo',
      rebuy: null,
      segments: ['testimonial'],
    })
    expect(surveyRoles(load('student_feedback_classroom_teaching.json')).segments).toEqual([
      'college',
      'program',
      'course',
      'teacher-name',
      'semester',
    ])
  })

  test('lintDefinition() flags the answer piped into completedHtml and the boolean rebuy', () => {
    expect(lintDefinition(load('student_feedback_classroom_teaching.json'))).toEqual([
      'survey.completedHtml: pipes {student-name} into HTML; use static text instead',
    ])
    expect(lintDefinition(load('nps_survey_modern.json'))).toEqual([
      'rebuy: the rebuy question must be a rating on a 1–5 scale, not boolean',
    ])
  })

  test.each(withResults)(
    '%s: validateAnswers() accepts the sample results (or names the known violations)',
    (file) => {
      const definition = load(file)
      const issues = loadResults(file).flatMap((row, index) => {
        const result = validateAnswers(definition, row)
        return result.ok ? [] : result.issues.map((issue) => ({ row: index + 1, ...issue }))
      })
      const known = knownViolations[file]
      if (known) known(issues)
      else expect(issues).toEqual([])
    },
  )

  test('string matrix cells in the samples come back as numbers', () => {
    const [first] = loadResults('student_feedback_classroom_teaching.json')
    const result = validateAnswers(load('student_feedback_classroom_teaching.json'), first)
    expect(result.ok && result.data['teacher-evaluation']).toMatchObject({
      'well-prepared': 2,
      syllabus: 5,
    })
    const classic = load('product_feedback_survey_classic.json')
    const [stored] = loadResults('product_feedback_survey_classic.json')
    const cleaned = validateAnswers(classic, stored)
    expect(cleaned.ok && cleaned.data.Quality).toEqual({
      affordable: 5,
      'better then others': 5,
      'does what it claims': 5,
      'easy to use': 5,
    })
  })

  test('ratingsOf() reads the engagement samples as 1–5 attribute ratings', () => {
    const definition = load('employee_engagement_survey.json')
    for (const row of loadResults('employee_engagement_survey.json')) {
      const result = validateAnswers(definition, row)
      if (!result.ok) throw new Error(result.issues[0]!.message)
      for (const value of Object.values(ratingsOf(definition, result.data).attributes)) {
        expect([1, 2, 3, 4, 5, null]).toContain(value)
      }
    }
  })

  test.each(files)(
    '%s: random answers completed in survey-core validate to the same data',
    (file) => {
      const definition = load(file)
      const questions = new Model(definition).getAllQuestions()
      const arbitraries = questions.flatMap((q) => {
        const arbitrary = answerArbitrary(q)
        return arbitrary ? [[q.name, arbitrary] as const] : []
      })
      const required = questions.filter((q) => q.isRequired || q.eachRowRequired).map((q) => q.name)
      const answers = fc.record(Object.fromEntries(arbitraries), {
        requiredKeys: required.filter((name) => arbitraries.some(([n]) => n === name)),
        noNullPrototype: true,
      })
      fc.assert(
        fc.property(answers, (answers) => {
          const model = new Model(definition)
          for (const [name, value] of Object.entries(answers)) model.setValue(name, value)
          model.doComplete()
          const result = validateAnswers(definition, model.data)
          // survey-core keeps string matrix cells as strings; we give numbers
          const expected = JSON.parse(JSON.stringify(model.data), (_key, value) =>
            typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : value,
          )
          if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
          expect(
            JSON.parse(JSON.stringify(result.data), (_k, v) =>
              typeof v === 'string' && /^[1-5]$/.test(v) ? Number(v) : v,
            ),
          ).toEqual(expected)
        }),
        { numRuns: 25 },
      )
    },
    30_000,
  )
})
