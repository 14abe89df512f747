import type { ReactNode } from 'react'

type Props = {
  /** Why the last attempt failed, in words; announced when it appears. */
  problem: string
  busy: boolean
  label: string
  busyLabel: string
  /** More buttons after the submit one (Cancel). */
  children?: ReactNode
}

/** The end of a form: its problem, if any, above the submit button, which waits while busy. */
export function FormSubmit({ problem, busy, label, busyLabel, children }: Props) {
  return (
    <>
      <p className="form-error" role="alert">
        {problem}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? busyLabel : label}
        </button>
        {children}
      </div>
    </>
  )
}
