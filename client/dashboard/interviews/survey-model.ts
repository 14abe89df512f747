import '../../respond/matrix-progress'
import { Model, Serializer } from 'survey-core'
import { surveyTheme } from '../../respond/theme'

// Our definitions carry these top-level properties (SPEC §3); declared as on the respondent
// page, so survey-core does not report them as unknown.
for (const name of ['audience', 'version:number']) {
  if (!Serializer.findProperty('survey', name.split(':')[0]!))
    Serializer.addProperty('survey', name)
}

// Shown by SurveyJS between Submit and the saved message; static, so no markup from data.
const INTERVIEW_FINISHED = '<h3>Interview finished</h3>'

/** The wave's questionnaire as the interviewer sees it: the respondent's theme, no thank-you. */
export function interviewModel(definition: Record<string, unknown>): Model {
  const model = new Model(definition)
  model.applyTheme(surveyTheme())
  model.completedHtml = INTERVIEW_FINISHED
  model.completedHtmlOnCondition = []
  return model
}
