import type { FormEvent } from 'react'
import { useState } from 'react'
import { api, readError } from '../../api'
import { Notice } from '../ui/Notice'
import { useSession } from '../shell/session'
import type { FieldErrors } from '../ui/use-form-errors'
import { useFormErrors } from '../ui/use-form-errors'
import { FieldError } from '../ui/FieldError'
import { FormSubmit } from '../ui/FormSubmit'
import { PASSWORD_MAX, PASSWORD_MIN } from './roles'

type Field = 'currentPassword' | 'newPassword' | 'confirm'
const order: Field[] = ['currentPassword', 'newPassword', 'confirm']

function check(current: string, next: string, confirm: string): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {}
  if (!current) errors.currentPassword = 'Enter your current password.'
  if (next.length < PASSWORD_MIN)
    errors.newPassword = `Use at least ${PASSWORD_MIN} characters; a few words are easy to remember.`
  else if (next.length > PASSWORD_MAX)
    errors.newPassword = `Use at most ${PASSWORD_MAX} characters.`
  else if (next === current)
    errors.newPassword = 'Choose a password different from the current one.'
  if (!errors.newPassword && confirm !== next)
    errors.confirm = 'This does not match the new password. Type it again.'
  return errors
}

/** Current, new, confirm: checked here first, then by better-auth behind /api/auth. */
export function ChangePassword() {
  const { user } = useSession()
  const { form, errors, setErrors, problem, setProblem, show, fail, errorId, describedBy } =
    useFormErrors(order)
  const [done, setDone] = useState<{ signedOutOthers: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const el = e.currentTarget
    const data = new FormData(el)
    const value = (name: string) => String(data.get(name) ?? '')
    const revokeOtherSessions = data.get('revokeOtherSessions') === 'on'
    setProblem('')
    setDone(null)
    const found = check(value('currentPassword'), value('newPassword'), value('confirm'))
    if (Object.keys(found).length > 0) return show(found)
    setErrors({})
    setBusy(true)
    try {
      const res = await api.api.auth['change-password'].$post({
        json: {
          currentPassword: value('currentPassword'),
          newPassword: value('newPassword'),
          revokeOtherSessions,
        },
      })
      if (!res.ok) throw await readError(res)
      el.reset()
      setDone({ signedOutOthers: revokeOtherSessions })
    } catch (err) {
      // better-auth answers a wrong current password with 400 "Invalid password".
      fail(err, (failure) =>
        failure.status === 400 && /invalid password/i.test(failure.message)
          ? { currentPassword: 'That is not your current password. Check it and try again.' }
          : {},
      )
    } finally {
      setBusy(false)
    }
  }

  const input = (field: Field, label: string, autoComplete: string, hint?: string) => (
    <div className="field">
      <label htmlFor={field}>{label}</label>
      <input
        id={field}
        name={field}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describedBy(field, hint)}
        onInput={() => setDone(null)}
      />
      {hint && (
        <p id={hint} className="field-hint">
          At least {PASSWORD_MIN} characters. A few unrelated words make a strong one.
        </p>
      )}
      <FieldError id={errorId(field)} message={errors[field]} />
    </div>
  )

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <div className="account-done" role="status">
        {done && (
          <Notice tone="success" title="Your password was changed">
            <p>
              Use the new one from now on.
              {done.signedOutOthers
                ? ' Every other browser or device where you were signed in is now signed out.'
                : ' Other browsers where you are signed in stay signed in.'}
            </p>
          </Notice>
        )}
      </div>
      <form ref={form} onSubmit={submit} noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={user.email}
          readOnly
          hidden
        />
        {input('currentPassword', 'Current password', 'current-password')}
        {input('newPassword', 'New password', 'new-password', 'newPassword-hint')}
        {input('confirm', 'Confirm new password', 'new-password')}
        <label className="account-check">
          <input type="checkbox" name="revokeOtherSessions" defaultChecked />
          <span>
            Sign me out everywhere else
            <span className="account-check__hint">
              Other browsers and devices will have to sign in with the new password.
            </span>
          </span>
        </label>
        <FormSubmit problem={problem} busy={busy} label="Change password" busyLabel="Changing…" />
      </form>
    </section>
  )
}
