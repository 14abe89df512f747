import { useEffect, useState } from 'react'
import { api } from '../api'

type Health = { status: string; runtime: string; db: string } | null

/** Landing page until the manager dashboard lands: server status and the CLI path. */
export function HomePage() {
  const [health, setHealth] = useState<Health | 'error'>(null)
  useEffect(() => {
    api.api.health
      .$get()
      .then(async (res) => setHealth(res.ok ? await res.json() : 'error'))
      .catch(() => setHealth('error'))
  }, [])

  return (
    <main className="home">
      <h1>CSI Toolkit</h1>
      <p className="lead">
        Customer satisfaction programmes for customers, wholesalers, retailers and employees.
      </p>
      <section aria-labelledby="status-title">
        <h2 id="status-title">Server</h2>
        <p role="status">
          {health === null && 'Checking…'}
          {health === 'error' && 'The server did not answer.'}
          {health && health !== 'error' && `${health.status} · runtime ${health.runtime} · database ${health.db}`}
        </p>
      </section>
      <section aria-labelledby="start-title">
        <h2 id="start-title">Start a wave</h2>
        <pre>
          <code>npx csi wave create --survey customer --name "Pilot" --open</code>
        </pre>
        <p>Open the printed link to answer, then export the responses:</p>
        <pre>
          <code>npx csi export --wave &lt;id&gt; &gt; responses.csv</code>
        </pre>
      </section>
    </main>
  )
}
