import type { ReactNode } from 'react'

type Action = { label: string; onClick: () => void }

type Props = {
  tone: 'info' | 'error' | 'success'
  title: string
  heading?: 'h1' | 'h2' | 'h3'
  children?: ReactNode
  action?: Action
  secondary?: Action
}

/** Empty states and errors: what happened, in words, and a way forward. */
export function Notice({ tone, title, heading = 'h2', children, action, secondary }: Props) {
  const Heading = heading
  return (
    <section className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <Heading className="notice__title">{title}</Heading>
      {children && <div className="notice__body">{children}</div>}
      {(action || secondary) && (
        <div className="actions">
          {action && (
            <button type="button" className="button" onClick={action.onClick}>
              {action.label}
            </button>
          )}
          {secondary && (
            <button type="button" className="button button--quiet" onClick={secondary.onClick}>
              {secondary.label}
            </button>
          )}
        </div>
      )}
    </section>
  )
}

type LoadFailedProps = {
  /** What failed to load, in words: "waves", "contacts". */
  what: string
  error: Error
  reload: () => void
  heading?: Props['heading']
  secondary?: Action
}

/** A failed load: says what, the server's reason, and "Try again". */
export function LoadFailed({ what, error, reload, heading, secondary }: LoadFailedProps) {
  return (
    <Notice
      tone="error"
      title={`The ${what} could not be loaded`}
      heading={heading}
      action={{ label: 'Try again', onClick: reload }}
      secondary={secondary}
    >
      {error.message}
    </Notice>
  )
}
