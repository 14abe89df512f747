import { useEffect, useRef } from 'react'
import type { Role } from '../account/roles'
import { roleLabel } from '../account/roles'
import { ShownOnceSecret } from './ShownOnceSecret'

type Props = { email: string; role: Role; password: string | null; onAnother: () => void }

/** The new user, and the generated password: shown this once, never stored in the clear. */
export function CreatedUser({ email, role, password, onAnother }: Props) {
  const title = useRef<HTMLParagraphElement>(null)
  useEffect(() => title.current?.focus(), [])
  return (
    <div className="users-created">
      <p ref={title} tabIndex={-1} className="users-created__title">
        {email} was added as {roleLabel[role]}.
      </p>
      {password ? (
        <>
          <p>
            Their one-time password is below. Give it to them privately (not in the same email as
            the address); it will not be shown again. They can change it on their account page.
          </p>
          <ShownOnceSecret label="One-time password" value={password} />
        </>
      ) : (
        <p>They can sign in with the password you chose, and change it on their account page.</p>
      )}
      <div className="actions">
        <button type="button" className="button button--quiet" onClick={onAnother}>
          Add another user
        </button>
      </div>
    </div>
  )
}
