import { lazy, Suspense, useState } from 'react'
import { ErrorBoundary } from '../ui/ErrorBoundary'
import type { SurveyJson } from './survey-file'

// survey-core is about 1.5 MB: fetched only when someone opens a preview.
const SurveyPreview = lazy(() => import('./SurveyPreview'))

/** The respondent's view, at the page's width or a phone's (SurveyJS adapts to the width). */
export function PreviewPane({ definition }: { definition: SurveyJson }) {
  const [phone, setPhone] = useState(false)
  return (
    <div className={`preview${phone ? ' preview--phone' : ''}`}>
      <button
        type="button"
        className="button button--quiet preview__width"
        aria-pressed={phone}
        onClick={() => setPhone((p) => !p)}
      >
        As on a phone (375 px)
      </button>
      <ErrorBoundary>
        <Suspense
          fallback={
            <p className="muted" aria-busy="true">
              Loading the preview…
            </p>
          }
        >
          <SurveyPreview definition={definition} />
        </Suspense>
      </ErrorBoundary>
    </div>
  )
}
