import '../../lib/style-nonce'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Before App: every table's own rules, in the stylesheets App's pages import, must come later.
import '../ui/data-table.css'
import { App } from './App'
import '../ui/dashboard.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
