import type { FormEvent } from 'react'
import { useState } from 'react'
import { FieldError } from '../ui/FieldError'
import { FormSubmit } from '../ui/FormSubmit'
import type { Role } from '../account/roles'
import { PASSWORD_MAX, PASSWORD_MIN, roleLabel, roles, roleSummary } from '../account/roles'
import type { FieldErrors } from '../ui/use-form-errors'
import { useFormErrors } from '../ui/use-form-errors'
import { CreatedUser } from './CreatedUser'
import { addUser } from './user-api'

type Field = 'email' | 'role' | 'password'
type Created = { email: string; role: Role; password: string | null }

const order: Field[] = ['email', 'role', 'password']

function check(email: string, password: string): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {}
  if (!email) errors.email = 'Enter the person’s email address.'
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = `“${email}” is not an email address.`
  if (password && password.length < PASSWORD_MIN)
    errors.password = `At least ${PASSWORD_MIN} characters, or leave it empty to generate one.`
  if (password.length > PASSWORD_MAX) errors.password = `At most ${PASSWORD_MAX} characters.`
  return errors
}

/** The add-user form; after a success, the one-time password in its place. */
export function AddUser({ onAdded }: { onAdded: (email: string) => void }) {
  const { form, errors, setErrors, problem, setProblem, show, fail, errorId, describedBy } =
    useFormErrors(order, 'add-')
  const [role, setRole] = useState<Role>('manager')
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<Created | null>(null)

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const data = new FormData(e.currentTarget)
    const email = String(data.get('email') ?? '').trim()
    const password = String(data.get('password') ?? '')
    setProblem('')
    const found = check(email, password)
    if (Object.keys(found).length > 0) return show(found)
    setErrors({})
    setBusy(true)
    try {
      const body = await addUser({ email, role, ...(password ? { password } : {}) })
      setCreated({ email: body.user.email, role: body.user.role, password: body.password })
      onAdded(body.user.email)
    } catch (err) {
      fail(err, (failure) => (failure.status === 409 ? { email: failure.message } : {}))
    } finally {
      setBusy(false)
    }
  }

  function another() {
    setCreated(null)
    setRole('manager')
    // The form is back on the next render: start it from the email field.
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[name="email"]')?.focus())
  }

  return (
    <section className="card users-add" aria-labelledby="add-user-title">
      <h2 id="add-user-title">Add a user</h2>
      {created ? (
        <CreatedUser {...created} onAnother={another} />
      ) : (
        <form ref={form} onSubmit={submit} noValidate>
          <div className="users-add__fields">
            <div className="field users-add__email">
              <label htmlFor="add-email">Email</label>
              <input
                id="add-email"
                name="email"
                type="email"
                autoComplete="off"
                inputMode="email"
                spellCheck={false}
                aria-invalid={errors.email ? true : undefined}
                aria-describedby={describedBy('email')}
              />
              <FieldError id={errorId('email')} message={errors.email} />
            </div>
            <div className="field">
              <label htmlFor="add-role">Role</label>
              <select
                id="add-role"
                name="role"
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
                aria-invalid={errors.role ? true : undefined}
                aria-describedby={describedBy('role', 'add-role-hint')}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel[r]}
                  </option>
                ))}
              </select>
              <FieldError id={errorId('role')} message={errors.role} />
            </div>
            <div className="field">
              <label htmlFor="add-password">
                Password <span className="users-optional">(optional)</span>
              </label>
              <input
                id="add-password"
                name="password"
                type="text"
                autoComplete="new-password"
                spellCheck={false}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={describedBy('password', 'add-password-hint')}
              />
              <FieldError id={errorId('password')} message={errors.password} />
            </div>
          </div>
          <p id="add-role-hint" className="users-hint">
            <strong>{roleLabel[role]}</strong> sees: {roleSummary[role]}
          </p>
          <p id="add-password-hint" className="users-hint">
            Leave the password empty and one is generated, shown to you once. They can change it on
            their account page.
          </p>
          <FormSubmit problem={problem} busy={busy} label="Add user" busyLabel="Adding…" />
        </form>
      )}
    </section>
  )
}
