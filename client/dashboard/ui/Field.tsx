import type { ReactNode } from 'react'

type A11y = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }

type Props = {
  id: string
  label: string
  hint?: ReactNode
  /** The server's refusal for this field, shown under it and read with it. */
  error?: string
  children: (a11y: A11y) => ReactNode
}

/** A labelled control with its hint and its error, both tied to it for screen readers. */
export function Field({ id, label, hint, error, children }: Props) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-describedby': described || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  )
}
