import { useState } from 'react'
import { roleLabel } from '../account/roles'
import { formatDate } from '../ui/labels'
import { useFormErrors } from '../ui/use-form-errors'
import type { ListedApiKey } from './api-key-api'
import { revokeApiKey } from './api-key-api'

type Props = { keys: readonly ListedApiKey[]; onChanged: (message: string) => void }

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Keys with their role, use and state; on a phone each row stacks into a card (admin.css). */
export function ApiKeyTable({ keys, onChanged }: Props) {
  return (
    <table className="data-table data-table--card users-table apikeys-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Key</th>
          <th scope="col">Last used</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <KeyRow key={k.id} apiKey={k} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  )
}

function KeyRow({ apiKey: k, onChanged }: { apiKey: ListedApiKey; onChanged: Props['onChanged'] }) {
  const { problem, setProblem, fail } = useFormErrors()
  const [busy, setBusy] = useState(false)
  const expired = !k.revokedAt && k.expiresAt !== null && Date.parse(k.expiresAt) <= Date.now()
  async function revoke() {
    if (!window.confirm(`Revoke the key “${k.name}”? Scripts using it stop working at once.`))
      return
    setBusy(true)
    setProblem('')
    try {
      await revokeApiKey(k.id)
      onChanged(`Key “${k.name}” was revoked.`)
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <tr>
      <th scope="row" data-label="Name" className="users-email">
        {k.name}
        <span className="apikeys-by">by {k.createdBy}</span>
      </th>
      <td data-label="Role">
        <span className={`badge badge--role-${k.role}`}>{roleLabel[k.role]}</span>
      </td>
      <td data-label="Key">
        <code>{k.start}…</code>
      </td>
      <td data-label="Last used">
        {k.lastUsedAt ? dateTime.format(new Date(k.lastUsedAt)) : 'Never'}
      </td>
      <td data-label="State">
        {k.revokedAt ? (
          <span className="badge badge--locked">Revoked {formatDate(k.revokedAt)}</span>
        ) : expired ? (
          <span className="badge badge--locked">Expired {formatDate(k.expiresAt!)}</span>
        ) : k.expiresAt ? (
          <>Active until {formatDate(k.expiresAt)}</>
        ) : (
          <>Active</>
        )}
      </td>
      <td className="users-actions">
        {!k.revokedAt && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={revoke}>
            {busy ? 'Revoking…' : 'Revoke'}
            <span className="visually-hidden"> {k.name}</span>
          </button>
        )}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </td>
    </tr>
  )
}
