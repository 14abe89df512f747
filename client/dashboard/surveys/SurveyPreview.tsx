import 'survey-core/survey-core.fontless.min.css'
import { useMemo } from 'react'
import { Model, Serializer } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { markScaleMatrices } from '../../respond/matrix-progress'
import '../../respond/respond.css'
import { surveyTheme } from '../../respond/theme'
import { useBrand } from '../shell/brand'
import type { SurveyJson } from './survey-file'
import { withoutMapping } from './survey-model'

// Our top-level properties (SPEC §3), declared as on the respondent page so survey-core
// does not report them as unknown.
for (const name of ['audience', 'version:number']) {
  if (!Serializer.findProperty('survey', name.split(':')[0]!))
    Serializer.addProperty('survey', name)
}

// Static, so no markup from the imported file reaches innerHTML here.
const PREVIEW_DONE = '<h3>End of the preview</h3><p>Nothing was sent or saved.</p>'

/** The questionnaire as the respondent sees it (same theme and CSS); answers go nowhere. */
export default function SurveyPreview({ definition }: { definition: SurveyJson }) {
  const brand = useBrand()
  const primary = brand?.primary
  const model = useMemo(() => {
    const m = new Model(withoutMapping(definition))
    m.applyTheme(surveyTheme(primary))
    markScaleMatrices(m)
    m.completedHtml = PREVIEW_DONE
    m.completedHtmlOnCondition = []
    return m
  }, [definition, primary])
  return (
    <div className="survey-frame">
      <Survey model={model} />
    </div>
  )
}
