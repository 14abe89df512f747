import { StrictMode } from 'react'
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
  const { SurveyPage, buildModel } = await import('./SurveyPage')
  // Building the model and rendering it are each long on a phone: two tasks, not one, so
  // the browser can handle input and paint between them.
  const model = buildModel(link.link, link.survey.definition)
  await new Promise((resolve) => setTimeout(resolve, 0))
  root.render(
    <StrictMode>
      <SurveyPage {...link} prebuilt={model} />
    </StrictMode>,
  )
}
