import { lazy, Suspense, useEffect, useState } from 'react'
import { api, readError } from '../api'
import type { Loaded } from './loaded'

const SurveyPage = lazy(() => import('./SurveyPage').then((m) => ({ default: m.SurveyPage })))

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; link: Loaded }
  | { kind: 'problem'; title: string; message: string; retry: boolean }

export function RespondApp() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let cancelled = false
    // The link's token was exchanged for an HttpOnly cookie at /s/<token>; the API reads it.
    api.api.respond
      .$get()
      .then(async (res) => {
        if (cancelled) return
        if (res.ok) return setState({ kind: 'ready', link: (await res.json()) as Loaded })
        const err = await readError(res)
        const title =
          err.status === 410
            ? 'This survey has closed'
            : err.status === 409
              ? 'Already answered'
              : 'This link cannot be used'
        setState({ kind: 'problem', title, message: err.message, retry: err.status >= 500 })
      })
      .catch(() => {
        if (!cancelled) {
          setState({
            kind: 'problem',
            title: 'We could not load the survey',
            message: 'Please check your connection and try again.',
            retry: true,
          })
        }
      })
    return () => {
      cancelled = true
    }
  }, [attempt])

  const loading = (
    <main className="respond-message" aria-busy="true">
      <p>Loading the survey…</p>
    </main>
  )
  if (state.kind === 'ready') {
    return (
      <Suspense fallback={loading}>
        <SurveyPage {...state.link} />
      </Suspense>
    )
  }
  if (state.kind === 'loading') return loading
  return (
    <main className="respond-message">
      <h1>{state.title}</h1>
      <p>{state.message}</p>
      {state.retry && (
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      )}
    </main>
  )
}
