import { useCallback, useState } from 'react'
import type { ApiFailure } from '../../api'
import { useSession } from '../shell/session'
import { toFailure } from './use-load'

/** One server action: busy while it runs, the failure in words after; 401 ends the session. */
export function useAction() {
  const { expire } = useSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiFailure | null>(null)
  const run = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true)
      setError(null)
      try {
        return await work()
      } catch (err) {
        const failure = toFailure(err)
        if (failure.status === 401) expire()
        setError(failure)
        return undefined
      } finally {
        setBusy(false)
      }
    },
    [expire],
  )
  return { busy, error, run }
}
