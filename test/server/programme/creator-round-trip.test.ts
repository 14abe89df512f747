import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import { prepareSurvey } from '../../../server/programme/survey-import'
import { surveyRoles } from '../../../server/surveys/survey-roles'
import { roleMappingOf, withRoleMapping } from '../../../server/surveys/role-mapping'
import { creatorMapping, creatorSurvey } from '../../helpers/creator-survey'

// SurveyJS Creator loads a definition into survey-core's Model and saves `toJSON()` of it:
// that is the round trip an exported survey makes when someone edits it in Creator.

describe('export → SurveyJS Creator → import', () => {
  const exported = withRoleMapping(creatorSurvey(), creatorMapping)

  test('survey-core opens the export: every question is there, the only unknown is csiRoles', () => {
    const model = new Model(exported)
    expect(model.getAllQuestions().map((q) => q.name)).toEqual([
      'q_satisfaction',
      'q_again',
      'service_grid',
      'branch',
      'remarks',
    ])
    const unknown = (model.jsonErrors ?? []).map((e) => e.message)
    expect(unknown).toHaveLength(1)
    expect(unknown[0]).toContain('csiRoles')
  })

  test('what Creator saves drops csiRoles; importing it as a new version keeps the roles', () => {
    const saved = new Model(exported).toJSON() as Record<string, unknown>
    expect(saved).not.toHaveProperty('csiRoles')
    const { definition, problems } = prepareSurvey(
      { audience: 'customer', definition: saved },
      exported,
    )
    expect(problems).toEqual([])
    expect(roleMappingOf(definition)).toEqual(creatorMapping)
    expect(surveyRoles(definition)).toEqual(surveyRoles(exported))
  })

  test('without a previous version to inherit from, what Creator saved needs its mapping again', () => {
    const saved = new Model(exported).toJSON() as Record<string, unknown>
    const { problems } = prepareSurvey({ audience: 'customer', definition: saved }, null)
    expect(problems.map((p) => p.path)).toContain('overall')
  })
})
