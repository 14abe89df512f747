import { useRef, useState } from 'react'
import { roleLabel } from '../account/roles'
import { formatDate } from '../ui/labels'
import { useFormErrors } from '../ui/use-form-errors'
import { RemovePanel } from './RemovePanel'
import { RolePanel } from './RolePanel'
import type { ListedUser } from './user-api'
import { endLockout } from './user-api'

type Props = { user: ListedUser; self: boolean; onChanged: (message: string) => void }

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

/** One user, and under it the open role-change or remove panel, if any. */
export function UserRow({ user, self, onChanged }: Props) {
  const { problem, setProblem, fail } = useFormErrors()
  const [panel, setPanel] = useState<'role' | 'remove' | null>(null)
  const [unlocking, setUnlocking] = useState(false)
  const roleButton = useRef<HTMLButtonElement>(null)
  const removeButton = useRef<HTMLButtonElement>(null)

  function close(message?: string) {
    const back = panel === 'remove' ? removeButton : roleButton
    setPanel(null)
    if (message) onChanged(message)
    else requestAnimationFrame(() => back.current?.focus())
  }

  async function unlock() {
    setUnlocking(true)
    setProblem('')
    try {
      await endLockout(user.id)
      onChanged(`${user.email} can sign in again.`)
    } catch (err) {
      fail(err)
    } finally {
      setUnlocking(false)
    }
  }

  return (
    <>
      <tr className={panel ? 'users-row users-row--open' : 'users-row'}>
        <th scope="row" data-label="Email" className="users-email">
          {user.email}
          {self && <span className="users-you"> (you)</span>}
        </th>
        <td data-label="Role">
          <span className={`badge badge--role-${user.role}`}>{roleLabel[user.role]}</span>
        </td>
        <td data-label="Added">{formatDate(user.createdAt)}</td>
        <td data-label="Sign-in">
          {user.lockedUntil ? (
            <span className="users-locked">
              <span className="badge badge--locked">
                Locked out until {timeFormat.format(new Date(user.lockedUntil))}
              </span>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={unlocking}
                onClick={unlock}
              >
                {unlocking ? 'Ending…' : 'End lockout'}
                <span className="visually-hidden"> of {user.email}</span>
              </button>
            </span>
          ) : (
            <span className="muted">Can sign in</span>
          )}
          {problem && (
            <span className="field-error" role="alert">
              {problem}
            </span>
          )}
        </td>
        <td className="users-actions">
          <button
            ref={roleButton}
            type="button"
            className="button button--quiet button--small"
            aria-expanded={panel === 'role'}
            onClick={() => setPanel(panel === 'role' ? null : 'role')}
          >
            Change role<span className="visually-hidden"> of {user.email}</span>
          </button>
          {!self && (
            <button
              ref={removeButton}
              type="button"
              className="button button--quiet button--small button--danger"
              aria-expanded={panel === 'remove'}
              onClick={() => setPanel(panel === 'remove' ? null : 'remove')}
            >
              Remove<span className="visually-hidden"> {user.email}</span>
            </button>
          )}
        </td>
      </tr>
      {panel === 'role' && <RolePanel user={user} self={self} onClose={close} />}
      {panel === 'remove' && <RemovePanel user={user} onClose={close} />}
    </>
  )
}
