import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RespondApp } from './RespondApp'
import 'survey-core/survey-core.fontless.min.css'
import './respond.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RespondApp />
  </StrictMode>,
)
