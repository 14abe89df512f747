import { useEffect, useState } from 'react'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate } from '../shell/router'
import { useSession } from '../shell/session'
import { useLoad } from '../ui/use-load'
import { ApiKeyTable } from './ApiKeyTable'
import { CreateApiKey } from './CreateApiKey'
import { listApiKeys } from './api-key-api'
import '../account/account.css'
import './admin.css'
import './api-keys.css'

/** Admins only: keys for scripts and CRMs; made here (shown once), listed, revoked. */
export default function ApiKeysPage() {
  const { user } = useSession()
  useEffect(() => {
    document.title = 'API keys · CSI Toolkit'
  }, [])
  return user.role === 'admin' ? <ApiKeys /> : <OnlyAdmins />
}

function OnlyAdmins() {
  return (
    <div className="users-page users-page--narrow">
      <Notice
        tone="info"
        title="Only admins can manage API keys"
        heading="h1"
        action={{ label: 'Go to the overview', onClick: () => navigate('/') }}
      >
        <p>Ask an admin for a key for your script or CRM.</p>
      </Notice>
    </div>
  )
}

function ApiKeys() {
  const keys = useLoad(listApiKeys, [])
  const [status, setStatus] = useState('')
  const changed = (message: string) => {
    setStatus(message)
    keys.reload()
  }
  if (keys.error?.status === 403) return <OnlyAdmins />
  return (
    <div className="users-page">
      <header className="users-intro">
        <h1>API keys</h1>
        <p className="muted">
          Keys let a script or your CRM call the API (send <code>Authorization: Bearer</code> and
          the key) with the rights of one role, under the same rules as a person with that role. The
          reference is at <a href="/api/docs">/api/docs</a>.
        </p>
      </header>
      <section aria-labelledby="keys-list-title">
        <h2 id="keys-list-title">
          Keys
          {keys.data && <span className="users-count"> ({keys.data.length})</span>}
        </h2>
        <p className="users-status" role="status">
          {status}
        </p>
        {keys.error && !keys.data ? (
          <LoadFailed what="API keys" error={keys.error} reload={keys.reload} heading="h3" />
        ) : !keys.data ? (
          <p className="muted" aria-busy="true">
            Loading the keys…
          </p>
        ) : keys.data.length === 0 ? (
          <p className="muted">No keys yet: create one below.</p>
        ) : (
          <ApiKeyTable keys={keys.data} onChanged={changed} />
        )}
      </section>
      <CreateApiKey onCreated={(name) => changed(`Key “${name}” was created.`)} />
    </div>
  )
}
