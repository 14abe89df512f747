import { useEffect, useState } from 'react'
import { Model, Serializer } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { api, readError } from '../api'
import type { Loaded } from './loaded'
import { LanguageSwitch } from './LanguageSwitch'
import { markScaleMatrices } from './matrix-progress'
import { pageBrand, surveyTheme } from './theme'
import { loadTranslation } from './translations'
import { clearProgress, loadProgress, newSubmissionKey, saveProgress } from './saved-progress'
import 'survey-core/survey-core.fontless.min.css'
import './respond.css'

// Our definitions carry these top-level properties (SPEC §3); declare them so survey-core
// does not report them as unknown.
for (const name of ['audience', 'version:number']) {
  if (!Serializer.findProperty('survey', name.split(':')[0]!))
    Serializer.addProperty('survey', name)
}

type Props = Pick<Loaded, 'wave' | 'survey' | 'link' | 'locale' | 'locales'> & {
  prebuilt?: Model
}

export function SurveyPage({ wave, survey, link, locale, locales, prebuilt }: Props) {
  const [model] = useState(() => prebuilt ?? buildModel(link, survey.definition))
  const [language, setLanguage] = useState(
    () => locale ?? (survey.definition.locale as string | undefined) ?? 'en',
  )
  const [shown, setShown] = useState(model.locale || 'en')

  useEffect(() => {
    let current = true
    // The inlined page loaded its translation with survey-core; the API path and a switch load it
    // here, then change the model's locale (its answers stay).
    void loadTranslation(language).then(() => {
      if (!current) return
      if ((model.locale || 'en') !== language) model.locale = language
      document.documentElement.lang = language
      setShown(language)
    })
    return () => {
      current = false
    }
  }, [model, language])

  useEffect(() => {
    document.title = model.title || wave.name
    // The page's header shows the title and description (the server writes them there first).
    const heading = document.querySelector('.shell-title')
    if (heading) heading.textContent = document.title
    const header = document.querySelector('.shell-header')
    if (!header || !model.description) return
    const p =
      header.querySelector('.shell-description') ?? header.appendChild(document.createElement('p'))
    p.className = 'shell-description'
    p.textContent = model.description
  }, [model, wave.name, shown])

  return (
    <main className="respond-page">
      {locales && locales.length > 1 && (
        <LanguageSwitch languages={locales} value={language} onChange={setLanguage} />
      )}
      <Survey model={model} />
    </main>
  )
}

// Answers go to the server a moment after the respondent stops typing or clicking.
const DRAFT_DELAY_MS = 800

export function buildModel(link: Loaded['link'], definition: Record<string, unknown>) {
  return setUpModel(new Model(definition), link)
}

/** The same as buildModel in three tasks (survey-core's first model is long on a phone). */
export async function buildModelInTasks(
  link: Loaded['link'],
  definition: Record<string, unknown>,
  nextTask: () => Promise<unknown>,
  locale?: string,
) {
  const model = new Model()
  await nextTask()
  model.fromJSON(definition)
  if (locale) model.locale = locale
  await nextTask()
  return setUpModel(model, link)
}

function setUpModel(model: Model, link: Loaded['link']) {
  model.applyTheme(surveyTheme(pageBrand()))
  markScaleMatrices(model)
  model.showTitle = false
  // survey-core measures its container after the first render and switches to its phone layout
  // below 600 px (--sd-mobile-width), moving every question; decide it before the first render.
  model.setIsMobile(document.documentElement.clientWidth < 600)
  const token = link.key
  const local = loadProgress(token)
  const progress = {
    submissionKey: local?.submissionKey ?? newSubmissionKey(),
    startedAt: local?.startedAt ?? new Date().toISOString(),
  }
  // This device's copy first (it is never behind what this device sent); else the server's
  // draft, so an invitation resumes on another device too.
  const saved = local ?? link.saved
  if (saved) {
    model.data = saved.data
    if (saved.pageNo < model.visiblePages.length) model.currentPageNo = saved.pageNo
  }
  // What the contact list already says about this invitee is not asked again.
  for (const [name, value] of Object.entries(link.prefill)) {
    const question = model.getQuestionByName(name)
    if (!question) continue
    model.setValue(name, value)
    question.visible = false
  }
  let draftTimer: ReturnType<typeof setTimeout> | undefined
  const sendDraft = () => {
    void api.api.respond.draft
      .$put({ json: { data: model.data, pageNo: model.currentPageNo } })
      .catch(() => {
        // Offline: the device copy is still there, and the next change tries again.
      })
  }
  const remember = () => {
    saveProgress(token, { ...progress, data: model.data, pageNo: model.currentPageNo })
    if (link.kind !== 'invitation') return
    clearTimeout(draftTimer)
    draftTimer = setTimeout(sendDraft, DRAFT_DELAY_MS)
  }
  model.onValueChanged.add(remember)
  model.onCurrentPageChanged.add(remember)

  model.onComplete.add(async (sender, options) => {
    // survey-core's own words, in the respondent's language ("Saving data…").
    options.showSaveInProgress()
    clearTimeout(draftTimer)
    try {
      const res = await api.api.respond.responses.$post({
        json: {
          data: sender.data,
          submissionKey: progress.submissionKey,
          startedAt: progress.startedAt,
          // A definition's own locale is the model's locale; '' means survey-core's English.
          language: sender.locale || 'en',
        },
      })
      // 409: this visit's answers were already stored (a retried or doubled submit).
      if (res.ok || (res.status as number) === 409) {
        clearProgress(token)
        // The thank-you page says it; survey-core's "saved successfully" box would repeat it.
        options.clearSaveMessages()
        return
      }
      const err = await readError(res)
      options.showSaveError(
        `${err.message} Your answers are kept on this device; please try again.`,
      )
    } catch {
      options.showSaveError('Your answers could not be sent. Check your connection and try again.')
    }
  })
  return model
}
