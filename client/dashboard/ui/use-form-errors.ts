import { useRef, useState } from 'react'
import type { ApiFailure } from '../../api'
import { useSession } from '../shell/session'
import { toFailure } from './use-load'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

/**
 * A form's errors: each under its field (`fields` in the form's order; the first one in error
 * takes the focus), and a problem in words for the whole form. Attach `form` to the <form>.
 */
export function useFormErrors<F extends string = never>(fields: readonly F[] = [], idPrefix = '') {
  const { expire } = useSession()
  const form = useRef<HTMLFormElement>(null)
  const [errors, setErrors] = useState<FieldErrors<F>>({})
  const [problem, setProblem] = useState('')

  function show(found: FieldErrors<F>) {
    setErrors(found)
    const first = fields.find((f) => found[f])
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
  }

  /**
   * A refused request: a 401 ends the session; the server's issues, and whatever `more` reads
   * from the failure, go under their fields; anything else becomes the form's problem.
   */
  function fail(err: unknown, more?: (failure: ApiFailure) => FieldErrors<F>) {
    const failure = toFailure(err)
    if (failure.status === 401) return expire()
    const found: FieldErrors<F> = {}
    for (const issue of failure.issues) {
      const field = fields.find((f) => f === issue.path)
      if (field) found[field] = issue.message
    }
    Object.assign(found, more?.(failure))
    if (Object.keys(found).length > 0) show(found)
    else setProblem(failure.message)
  }

  const errorId = (field: F) => `${idPrefix}${field}-error`
  /** A field's aria-describedby: its hint, then its error when it has one. */
  const describedBy = (field: F, hint?: string) =>
    [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined

  return { form, errors, setErrors, problem, setProblem, show, fail, errorId, describedBy }
}
