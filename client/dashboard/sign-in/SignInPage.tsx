import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { ApiFailure } from '../../api'
import { api, readError } from '../../api'

function problemText(err: ApiFailure): string {
  if (err.status === 401) return 'That email and password do not match. Check both and try again.'
  // 429 carries the wait ("try again in 15 minutes") in the server's message.
  return err.message
}

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const email = useRef<HTMLInputElement>(null)
  const password = useRef<HTMLInputElement>(null)

  useEffect(() => {
    document.title = 'Sign in · CSI Toolkit'
    email.current?.focus()
  }, [])

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError('')
    try {
      const res = await api.api.auth['sign-in'].email.$post({
        json: { email: email.current!.value, password: password.current!.value },
      })
      // Stays busy on success: the page goes away once the session is confirmed.
      if (res.ok) return onSignedIn()
      setError(problemText(await readError(res)))
      password.current!.value = ''
      password.current!.focus()
    } catch {
      setError('The server could not be reached. Check the connection and try again.')
    }
    setBusy(false)
  }

  return (
    <div className="sign-in">
      <header className="sign-in__brand">
        <span className="brand">CSI Toolkit</span>
      </header>
      <main className="sign-in__card" id="main">
        <h1>Sign in</h1>
        <p className="muted">Staff access to surveys, interviews and reports.</p>
        <form onSubmit={submit} aria-describedby="sign-in-error">
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              ref={email}
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              ref={password}
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
          </div>
          <p id="sign-in-error" className="form-error" role="alert">
            {error}
          </p>
          <button type="submit" className="button button--block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  )
}
