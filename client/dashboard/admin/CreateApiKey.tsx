import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { Role } from '../account/roles'
import { roleLabel, roles, roleSummary } from '../account/roles'
import { FieldError } from '../ui/FieldError'
import { FormSubmit } from '../ui/FormSubmit'
import type { FieldErrors } from '../ui/use-form-errors'
import { useFormErrors } from '../ui/use-form-errors'
import { createApiKey } from './api-key-api'
import { ShownOnceSecret } from './ShownOnceSecret'

type Field = 'name' | 'role' | 'expiresInDays'
const order: Field[] = ['name', 'role', 'expiresInDays']
// Not `key`: React would take that prop for itself.
type Created = { name: string; role: Role; secret: string }

function check(name: string, days: string): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {}
  if (!name) errors.name = 'Name the key after what uses it, e.g. “CRM”.'
  else if (name.length > 100) errors.name = 'At most 100 characters.'
  if (days && !/^\d+$/.test(days)) errors.expiresInDays = 'A whole number of days, or empty.'
  else if (days && (Number(days) < 1 || Number(days) > 3650))
    errors.expiresInDays = 'From 1 to 3650 days, or empty for no expiry.'
  return errors
}

/** The create-key form; after a success, the key itself in its place, this once. */
export function CreateApiKey({ onCreated }: { onCreated: (name: string) => void }) {
  const { form, errors, setErrors, problem, setProblem, show, fail, errorId, describedBy } =
    useFormErrors(order, 'key-')
  const [role, setRole] = useState<Role>('manager')
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<Created | null>(null)

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const data = new FormData(e.currentTarget)
    const name = String(data.get('name') ?? '').trim()
    const days = String(data.get('expiresInDays') ?? '').trim()
    setProblem('')
    const found = check(name, days)
    if (Object.keys(found).length > 0) return show(found)
    setErrors({})
    setBusy(true)
    try {
      const body = await createApiKey({
        name,
        role,
        ...(days ? { expiresInDays: Number(days) } : {}),
      })
      setCreated({ name: body.apiKey.name, role: body.apiKey.role, secret: body.key })
      onCreated(body.apiKey.name)
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }

  function another() {
    setCreated(null)
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[name="name"]')?.focus())
  }

  return (
    <section className="card users-add" aria-labelledby="create-key-title">
      <h2 id="create-key-title">Create a key</h2>
      {created ? (
        <CreatedKey {...created} onAnother={another} />
      ) : (
        <form ref={form} onSubmit={submit} noValidate>
          <div className="users-add__fields">
            <div className="field">
              <label htmlFor="key-name">Name</label>
              <input
                id="key-name"
                name="name"
                type="text"
                autoComplete="off"
                maxLength={100}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={describedBy('name')}
              />
              <FieldError id={errorId('name')} message={errors.name} />
            </div>
            <div className="field">
              <label htmlFor="key-role">Role</label>
              <select
                id="key-role"
                name="role"
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
                aria-describedby={describedBy('role', 'key-role-hint')}
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
              <label htmlFor="key-expires">
                Expires after <span className="users-optional">(days, optional)</span>
              </label>
              <input
                id="key-expires"
                name="expiresInDays"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                aria-invalid={errors.expiresInDays ? true : undefined}
                aria-describedby={describedBy('expiresInDays')}
              />
              <FieldError id={errorId('expiresInDays')} message={errors.expiresInDays} />
            </div>
          </div>
          <p id="key-role-hint" className="users-hint">
            A <strong>{roleLabel[role]}</strong> key can use: {roleSummary[role]}
          </p>
          <FormSubmit problem={problem} busy={busy} label="Create key" busyLabel="Creating…" />
        </form>
      )}
    </section>
  )
}

type CreatedProps = Created & { onAnother: () => void }

function CreatedKey({ name, role, secret, onAnother }: CreatedProps) {
  const title = useRef<HTMLParagraphElement>(null)
  useEffect(() => title.current?.focus(), [])
  return (
    <div className="users-created">
      <p ref={title} tabIndex={-1} className="users-created__title">
        The key “{name}” ({roleLabel[role]}) was created.
      </p>
      <p>
        Copy it now into your script or CRM: it is shown this once and only its fingerprint is kept.
        Lost keys are revoked and replaced, never recovered.
      </p>
      <ShownOnceSecret label="API key" value={secret} valueClassName="apikeys-secret" />
      <div className="actions">
        <button type="button" className="button button--quiet" onClick={onAnother}>
          Create another key
        </button>
      </div>
    </div>
  )
}
