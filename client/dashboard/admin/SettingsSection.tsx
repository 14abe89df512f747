import type { ReactNode } from 'react'
import type { ApiFailure } from '../../api'
import { LoadFailed } from '../ui/Notice'

type Props<T> = {
  id: string
  title: string
  /** What the setting decides, in words, above the values. */
  intro: ReactNode
  /** What is loading, for "Loading the …" and "The … could not be loaded". */
  what: string
  load: { error?: ApiFailure; reload: () => void }
  current: T | undefined | null
  children: (current: T) => ReactNode
}

/** One card of the Settings page: its title and intro, then loading, a failed load, or the values. */
export function SettingsSection<T>({ id, title, intro, what, load, current, children }: Props<T>) {
  return (
    <section className="card settings-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro}
      {load.error && !current ? (
        <LoadFailed what={what} error={load.error} reload={load.reload} heading="h3" />
      ) : !current ? (
        <p className="muted" aria-busy="true">
          Loading the {what}…
        </p>
      ) : (
        children(current)
      )}
    </section>
  )
}
