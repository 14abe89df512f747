import { useEffect, useRef, useState } from 'react'
import type { Role } from '../account/roles'
import { roleLabel } from '../account/roles'

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
          <OneTimePassword password={password} />
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

function OneTimePassword({ password }: { password: string }) {
  const [copy, setCopy] = useState<'' | 'copied' | 'failed'>('')
  const code = useRef<HTMLElement>(null)

  async function copyIt() {
    try {
      await navigator.clipboard.writeText(password)
      setCopy('copied')
    } catch {
      // No clipboard (plain http on another host): select it for Ctrl+C instead.
      const range = document.createRange()
      range.selectNodeContents(code.current!)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      setCopy('failed')
    }
  }

  return (
    <div className="users-secret">
      <span className="users-secret__label">One-time password</span>
      <div className="users-secret__row">
        <code ref={code} className="users-secret__value">
          {password}
        </code>
        <button type="button" className="button" onClick={copyIt}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="users-secret__status" role="status">
        {copy === 'copied'
          ? 'Copied to the clipboard.'
          : copy === 'failed'
            ? 'The browser would not copy it: it is selected, press Ctrl+C (⌘C on a Mac).'
            : ''}
      </p>
    </div>
  )
}
