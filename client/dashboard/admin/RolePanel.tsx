import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { FormSubmit } from '../ui/FormSubmit'
import type { Role } from '../account/roles'
import { roleLabel, roles, roleSummary } from '../account/roles'
import { useFormErrors } from '../ui/use-form-errors'
import type { ListedUser } from './user-api'
import { changeRole } from './user-api'

type Props = { user: ListedUser; self: boolean; onClose: (message?: string) => void }

/** Choose the new role, read what it sees, then confirm. The server keeps the last admin. */
export function RolePanel({ user, self, onClose }: Props) {
  const { problem, setProblem, fail } = useFormErrors()
  const [role, setRole] = useState<Role>(user.role)
  const [busy, setBusy] = useState(false)
  const select = useRef<HTMLSelectElement>(null)
  const id = `role-${user.id}`

  useEffect(() => select.current?.focus(), [])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    if (role === user.role) {
      setProblem(`${user.email} is already ${roleLabel[role]}: choose another role.`)
      return select.current?.focus()
    }
    setBusy(true)
    setProblem('')
    try {
      await changeRole(user.id, role)
      // Without admin any more, this page is closed to you: start again from your account.
      if (self && role !== 'admin') return window.location.assign('/account')
      onClose(`${user.email} is now ${roleLabel[role]}.`)
    } catch (err) {
      fail(err)
      setBusy(false)
    }
  }

  return (
    <tr className="users-panel">
      <td colSpan={5}>
        <form onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
          <div className="field users-panel__field">
            <label htmlFor={id}>New role for {user.email}</label>
            <div className="users-panel__choice">
              <select
                ref={select}
                id={id}
                value={role}
                onChange={(e) => {
                  setRole(e.target.value as Role)
                  setProblem('')
                }}
                aria-describedby={`${id}-hint`}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel[r]}
                    {r === user.role ? ' (current)' : ''}
                  </option>
                ))}
              </select>
              <p id={`${id}-hint`} className="users-hint">
                <strong>{roleLabel[role]}</strong> sees: {roleSummary[role]}
              </p>
            </div>
          </div>
          {self && role !== 'admin' && (
            <p className="users-warning">
              This is you: without the admin role you can no longer open this page or change it
              back.
            </p>
          )}
          <FormSubmit
            problem={problem}
            busy={busy}
            label={role === user.role ? 'Change role' : `Make ${roleLabel[role]}`}
            busyLabel="Changing…"
          >
            <button type="button" className="button button--quiet" onClick={() => onClose()}>
              Cancel
            </button>
          </FormSubmit>
        </form>
      </td>
    </tr>
  )
}
