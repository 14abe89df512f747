import { useEffect } from 'react'
import { api, readError } from '../api'
import { Link } from './Link'
import { LoadFailed, Notice } from './Notice'
import { useLoad } from './use-load'
import { WaveTable } from './WaveTable'

/** Signed-in landing: where to key interviews, and how each wave is doing. */
export function HomePage() {
  useEffect(() => {
    document.title = 'Overview · CSI Toolkit'
  }, [])
  const waves = useLoad(async (signal) => {
    const res = await api.api.waves.$get(undefined, { init: { signal } })
    if (!res.ok) throw await readError(res)
    return (await res.json()).waves
  }, [])

  return (
    <>
      <h1>Overview</h1>
      <section className="card card--feature" aria-labelledby="interviews-title">
        <div>
          <h2 id="interviews-title">Interviews</h2>
          <p className="muted">Key a contact’s answers during a phone or face-to-face interview.</p>
        </div>
        <Link to="/interview" className="button">
          Start interviewing
        </Link>
      </section>
      <section aria-labelledby="waves-title">
        <h2 id="waves-title">Waves</h2>
        {waves.error ? (
          <LoadFailed what="waves" error={waves.error} reload={waves.reload} heading="h3" />
        ) : !waves.data ? (
          <p className="muted" aria-busy="true">
            Loading the waves…
          </p>
        ) : waves.data.length === 0 ? (
          <Notice tone="info" title="No waves yet" heading="h3">
            <p>Create one from the command line:</p>
            <pre>
              <code>npx csi wave create --survey customer --name "Spring 2026" --json</code>
            </pre>
          </Notice>
        ) : (
          <WaveTable waves={waves.data} />
        )}
      </section>
    </>
  )
}
