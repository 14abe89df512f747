import type { ReactNode } from 'react'
import { roleLabel } from '../account/roles'
import { useSession } from '../shell/session'

/** A setting's values for someone who may read but not change them, and why. */
export function ReadOnlySettings({ values }: { values: readonly [string, ReactNode][] }) {
  const { user } = useSession()
  return (
    <>
      <dl className="settings-values">
        {values.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        You are signed in as {roleLabel[user.role]}: only an admin can change these.
      </p>
    </>
  )
}
