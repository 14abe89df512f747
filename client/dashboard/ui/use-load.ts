import { useEffect, useState } from 'react'
import { ApiFailure } from '../../api'
import { useSession } from '../shell/session'

type LoadState<T> = { loading: boolean; data?: T; error?: ApiFailure }

export function toFailure(err: unknown): ApiFailure {
  if (err instanceof ApiFailure) return err
  return new ApiFailure(
    0,
    'NETWORK',
    'The server could not be reached. Check the connection and try again.',
    [],
  )
}

/**
 * Runs `load` when `deps` change (aborting the previous run) and keeps the last data while a
 * new run is under way, so a search list does not flash empty on every keystroke.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const { expire } = useSession()
  const [state, setState] = useState<LoadState<T>>({ loading: true })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ data: s.data, loading: true }))
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ loading: false, data })
      },
      (err: unknown) => {
        if (controller.signal.aborted) return
        const error = toFailure(err)
        if (error.status === 401) expire()
        setState((s) => ({ data: s.data, loading: false, error }))
      },
    )
    return () => controller.abort()
  }, [...deps, attempt])

  return { ...state, reload: () => setAttempt((n) => n + 1) }
}
