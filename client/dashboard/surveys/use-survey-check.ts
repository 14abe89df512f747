import { useEffect, useState } from 'react'
import type { ApiFailure } from '../../api'
import { useSession } from '../shell/session'
import { toFailure } from '../ui/use-load'
import { surveyApi } from './survey-api'
import type { SurveyJson } from './survey-file'
import type { CheckResult, RoleMapping } from './survey-types'

// Ticking a mapping box re-checks; a short pause lets several quick changes go as one request.
const PAUSE_MS = 250

export type CheckState =
  | { state: 'idle' }
  | { state: 'checking'; last?: CheckResult }
  | { state: 'done'; result: CheckResult }
  | { state: 'failed'; error: ApiFailure; last?: CheckResult }

const lastOf = (s: CheckState) =>
  s.state === 'done' ? s.result : s.state === 'idle' ? undefined : s.last

/** The server's check of a definition and mapping (nothing stored), redone when either changes. */
export function useSurveyCheck(
  audience: string,
  definition: SurveyJson | null,
  mapping: RoleMapping,
) {
  const { expire } = useSession()
  const [check, setCheck] = useState<CheckState>({ state: 'idle' })
  const [attempt, setAttempt] = useState(0)
  const key = JSON.stringify(mapping)

  useEffect(() => {
    if (!definition || !audience) return setCheck({ state: 'idle' })
    const controller = new AbortController()
    setCheck((s) => ({ state: 'checking', last: lastOf(s) }))
    const timer = setTimeout(() => {
      surveyApi.check({ audience, definition, mapping }, controller.signal).then(
        (result) => controller.signal.aborted || setCheck({ state: 'done', result }),
        (err: unknown) => {
          if (controller.signal.aborted) return
          const error = toFailure(err)
          if (error.status === 401) expire()
          setCheck((s) => ({ state: 'failed', error, last: lastOf(s) }))
        },
      )
    }, PAUSE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [audience, definition, key, attempt])

  return { check, last: lastOf(check), retry: () => setAttempt((n) => n + 1) }
}
