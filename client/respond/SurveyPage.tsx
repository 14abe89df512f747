import { useEffect, useState } from 'react'
import { Model, Serializer } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { api, readError } from '../api'
import { surveyTheme } from './theme'
import { clearProgress, loadProgress, newSubmissionKey, saveProgress } from './saved-progress'

// Our definitions carry these top-level properties (SPEC §3); declare them so survey-core
// does not report them as unknown.
for (const name of ['audience', 'version:number']) {
  if (!Serializer.findProperty('survey', name.split(':')[0]!)) Serializer.addProperty('survey', name)
}

type Props = {
  token: string
  wave: { name: string; closesAt: string | null }
  survey: { definition: Record<string, unknown> }
}

export function SurveyPage({ token, wave, survey }: Props) {
  const [model] = useState(() => buildModel(token, survey.definition))

  useEffect(() => {
    document.title = model.title || wave.name
  }, [model, wave.name])

  return (
    <main className="respond-page">
      <Survey model={model} />
    </main>
  )
}

function buildModel(token: string, definition: Record<string, unknown>) {
  const model = new Model(definition)
  model.applyTheme(surveyTheme)
  const saved = loadProgress(token)
  const progress = {
    submissionKey: saved?.submissionKey ?? newSubmissionKey(),
    startedAt: saved?.startedAt ?? new Date().toISOString(),
  }
  if (saved) {
    model.data = saved.data
    if (saved.pageNo < model.visiblePages.length) model.currentPageNo = saved.pageNo
  }
  const remember = () => saveProgress(token, { ...progress, data: model.data, pageNo: model.currentPageNo })
  model.onValueChanged.add(remember)
  model.onCurrentPageChanged.add(remember)

  model.onComplete.add(async (sender, options) => {
    options.showSaveInProgress('Sending your answers…')
    try {
      const res = await api.api.links[':token'].responses.$post({
        param: { token },
        json: { data: sender.data, submissionKey: progress.submissionKey, startedAt: progress.startedAt },
      })
      // 409: this visit's answers were already stored (a retried or doubled submit).
      if (res.ok || (res.status as number) === 409) {
        clearProgress(token)
        options.showSaveSuccess('')
        return
      }
      const err = await readError(res)
      options.showSaveError(`${err.message} Your answers are kept on this device; please try again.`)
    } catch {
      options.showSaveError('Your answers could not be sent. Check your connection and try again.')
    }
  })
  return model
}
