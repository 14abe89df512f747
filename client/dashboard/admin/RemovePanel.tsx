import { useEffect, useRef, useState } from 'react'
import { useFormErrors } from '../ui/use-form-errors'
import type { ListedUser } from './user-api'
import { removeUser } from './user-api'

type Props = { user: ListedUser; onClose: (message?: string) => void }

/** Removing a user, confirmed in place: they are signed out at once. */
export function RemovePanel({ user, onClose }: Props) {
  const { problem, setProblem, fail } = useFormErrors()
  const [busy, setBusy] = useState(false)
  const cancel = useRef<HTMLButtonElement>(null)

  // Focus starts on the harmless choice.
  useEffect(() => cancel.current?.focus(), [])

  async function remove() {
    setBusy(true)
    setProblem('')
    try {
      await removeUser(user.id)
      onClose(`${user.email} was removed.`)
    } catch (err) {
      fail(err)
      setBusy(false)
    }
  }

  return (
    <tr className="users-panel users-panel--danger">
      <td colSpan={5} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <p className="users-panel__question">Remove {user.email}?</p>
        <p className="muted">
          They are signed out at once and can no longer sign in. Waves and results are not affected.
          To let them back in, add them again.
        </p>
        <p className="form-error" role="alert">
          {problem}
        </p>
        <div className="actions">
          <button type="button" className="button button--danger" disabled={busy} onClick={remove}>
            {busy ? 'Removing…' : 'Remove user'}
          </button>
          <button
            ref={cancel}
            type="button"
            className="button button--quiet"
            onClick={() => onClose()}
          >
            Cancel
          </button>
        </div>
      </td>
    </tr>
  )
}
