import { useState } from 'react'
import { LoadFailed } from '../ui/Notice'
import { useFormErrors } from '../ui/use-form-errors'
import { useLoad } from '../ui/use-load'
import type { SignInThrottle } from './throttle-api'
import { clearThrottle, listThrottles } from './throttle-api'

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** What each throttle key means to an admin: `pair:<email>|<address>` and so on. */
function describe(t: SignInThrottle) {
  const [, rest = ''] = /^[a-z]+:(.*)$/.exec(t.key) ?? []
  if (t.kind === 'pair') {
    const [email, address] = rest.split('|')
    return `${email} from ${address}`
  }
  if (t.kind === 'account') return `${rest} from anywhere`
  if (t.kind === 'address') return `Any email from ${rest}`
  return 'Everyone'
}

/** Failed sign-ins being counted and any back-off running, each clearable (admins only). */
export function SignInThrottles({ onChanged }: { onChanged: (message: string) => void }) {
  const throttles = useLoad(listThrottles, [])
  const changed = (message: string) => {
    onChanged(message)
    throttles.reload()
  }
  return (
    <section aria-labelledby="throttles-title">
      <h2 id="throttles-title">Failed sign-ins</h2>
      <p className="muted">
        Repeated failures slow further attempts down for a while (per email and address, per
        address, and overall); nothing locks anyone out for good. Clear one to let it try again at
        once.
      </p>
      {throttles.error && !throttles.data ? (
        <LoadFailed
          what="failed sign-ins"
          error={throttles.error}
          reload={throttles.reload}
          heading="h3"
        />
      ) : !throttles.data ? (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      ) : throttles.data.length === 0 ? (
        <p>No failed sign-ins in the last day.</p>
      ) : (
        <table className="data-table data-table--card users-table">
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Failures</th>
              <th scope="col">Last failure</th>
              <th scope="col">Waiting until</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {throttles.data.map((t) => (
              <ThrottleRow key={t.key} throttle={t} onChanged={changed} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function ThrottleRow({
  throttle: t,
  onChanged,
}: {
  throttle: SignInThrottle
  onChanged: (message: string) => void
}) {
  const { problem, setProblem, fail } = useFormErrors()
  const [busy, setBusy] = useState(false)
  const who = describe(t)
  async function clear() {
    setBusy(true)
    setProblem('')
    try {
      await clearThrottle(t.key)
      onChanged(`Failed sign-ins of ${who} were cleared.`)
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <tr>
      <th scope="row" data-label="Who" className="users-email">
        {who}
      </th>
      <td data-label="Failures">{t.failures}</td>
      <td data-label="Last failure">{dateTime.format(new Date(t.lastFailedAt))}</td>
      <td data-label="Waiting until">
        {t.blockedUntil ? (
          <span className="badge badge--locked">{dateTime.format(new Date(t.blockedUntil))}</span>
        ) : (
          'Not waiting'
        )}
      </td>
      <td className="users-actions">
        <button type="button" className="button button--quiet" disabled={busy} onClick={clear}>
          {busy ? 'Clearing…' : 'Clear'}
          <span className="visually-hidden"> {who}</span>
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </td>
    </tr>
  )
}
