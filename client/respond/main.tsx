import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { RespondApp, type Loaded } from './RespondApp'

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
  const { SurveyPage, buildModelInTasks } = await import('./SurveyPage')
  // Running survey-core's module, building the model and rendering it are each long on a
  // phone: separate tasks, and a transition so React renders in slices, keep input answered.
  await nextTask()
  const model = await buildModelInTasks(link.link, link.survey.definition, nextTask)
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
