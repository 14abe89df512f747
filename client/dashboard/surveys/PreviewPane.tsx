import { lazy, Suspense } from 'react'
import { ErrorBoundary } from '../ui/ErrorBoundary'
import type { SurveyJson } from './survey-file'

// survey-core is about 1.5 MB: fetched only when someone opens a preview.
const SurveyPreview = lazy(() => import('./SurveyPreview'))

export function PreviewPane({ definition }: { definition: SurveyJson }) {
  return (
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
  )
}
