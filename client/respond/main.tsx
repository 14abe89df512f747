import '../lib/style-nonce'
import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import type { Loaded } from './loaded'
import { RespondApp } from './RespondApp'
import { loadTranslation } from './translations'

const root = createRoot(document.getElementById('root')!)
// The server inlines the link's data in the page (server/respond/respondent-page.ts); without
// it (the Vite dev server) RespondApp asks the API.
const inline = document.getElementById('survey-data')?.textContent
if (inline) void renderInline(JSON.parse(inline) as Loaded)
else {
  root.render(
    <StrictMode>
      <RespondApp />
    </StrictMode>,
  )
}

async function renderInline(link: Loaded) {
  // Apply the survey's preloaded CSS now, while its code is still downloading, so parsing it is
  // not added to the work after the code arrives (Vite's loader then finds the sheets in place).
  const sheets = [...document.querySelectorAll('link[rel="preload"][as="style"]')].map(
    (preload) =>
      new Promise((resolve) => {
        const sheet = document.createElement('link')
        sheet.rel = 'stylesheet'
        sheet.crossOrigin = ''
        // A print sheet never holds back the first paint (Chromium may block painting on a
        // screen sheet added before it): the shell paints, then the sheet applies once loaded.
        sheet.media = 'print'
        sheet.href = preload.getAttribute('href')!
        sheet.onload = () => {
          sheet.media = 'all'
          resolve(undefined)
        }
        sheet.onerror = resolve
        document.head.append(sheet)
      }),
  )
  // The survey's language chunk downloads beside survey-core, not after it.
  const [{ SurveyPage, buildModelInTasks }] = await Promise.all([
    import('./SurveyPage'),
    loadTranslation(link.locale),
    ...sheets,
  ])
  // Running survey-core's module, building the model and rendering it are each long on a
  // phone: separate tasks, and a transition so React renders in slices, keep input answered.
  await nextTask()
  const model = await buildModelInTasks(link.link, link.survey.definition, nextTask, link.locale)
  await nextTask()
  startTransition(() =>
    root.render(
      <StrictMode>
        <SurveyPage {...link} prebuilt={model} />
      </StrictMode>,
    ),
  )
}

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
