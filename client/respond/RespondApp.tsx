import { useEffect, useState } from 'react'
import { api, readError } from '../api'
import { SurveyPage } from './SurveyPage'

type Loaded = {
  wave: { id: string; name: string; closesAt: string | null }
  survey: { id: string; version: number; definition: Record<string, unknown> }
}

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; link: Loaded }
  | { kind: 'problem'; title: string; message: string; retry: boolean }

const token = decodeURIComponent(location.pathname.split('/s/')[1]?.split('/')[0] ?? '')

export function RespondApp() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let cancelled = false
    api.api.links[':token']
      .$get({ param: { token } })
      .then(async (res) => {
        if (cancelled) return
        if (res.ok) return setState({ kind: 'ready', link: (await res.json()) as Loaded })
        const err = await readError(res)
        const title = err.status === 410 ? 'This survey has closed' : 'This link cannot be used'
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

  if (state.kind === 'ready') return <SurveyPage token={token} {...state.link} />
  if (state.kind === 'loading') {
    return (
      <main className="respond-message" aria-busy="true">
        <p>Loading the survey…</p>
      </main>
    )
  }
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
