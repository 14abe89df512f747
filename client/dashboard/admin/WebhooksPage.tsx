import type { FormEvent } from 'react'
import { useEffect, useState } from 'react'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate } from '../shell/router'
import { useSession } from '../shell/session'
import { useLoad } from '../ui/use-load'
import { FieldError } from '../ui/FieldError'
import { FormSubmit } from '../ui/FormSubmit'
import { useFormErrors } from '../ui/use-form-errors'
import { ShownOnceSecret } from './ShownOnceSecret'
import type { ListedWebhook, WebhookDeliveryRow } from './webhook-api'
import {
  addWebhook,
  enableWebhook,
  listDeliveries,
  listWebhooks,
  removeWebhook,
  webhookEvents,
} from './webhook-api'
import '../account/account.css'
import './admin.css'
import './api-keys.css'

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Admins only: where events go (signed), their delivery log, re-enabling a disabled one. */
export default function WebhooksPage() {
  const { user } = useSession()
  useEffect(() => {
    document.title = 'Webhooks · CSI Toolkit'
  }, [])
  if (user.role !== 'admin')
    return (
      <div className="users-page users-page--narrow">
        <Notice
          tone="info"
          title="Only admins can manage webhooks"
          heading="h1"
          action={{ label: 'Go to the overview', onClick: () => navigate('/') }}
        >
          <p>Ask an admin to send events to your CRM.</p>
        </Notice>
      </div>
    )
  return <Webhooks />
}

function Webhooks() {
  const hooks = useLoad(listWebhooks, [])
  const [status, setStatus] = useState('')
  const changed = (message: string) => {
    setStatus(message)
    hooks.reload()
  }
  return (
    <div className="users-page">
      <header className="users-intro">
        <h1>Webhooks</h1>
        <p className="muted">
          Events posted to your CRM as they happen, signed per Standard Webhooks with each
          endpoint’s secret. Failed deliveries are retried for about a day; an endpoint failing 20
          times in a row is disabled until you enable it again. Employee responses never leave.
        </p>
      </header>
      <section aria-labelledby="hooks-title">
        <h2 id="hooks-title">Endpoints</h2>
        <p className="users-status" role="status">
          {status}
        </p>
        {hooks.error && !hooks.data ? (
          <LoadFailed what="webhooks" error={hooks.error} reload={hooks.reload} heading="h3" />
        ) : !hooks.data ? (
          <p className="muted">Loading…</p>
        ) : hooks.data.length === 0 ? (
          <p className="muted">No webhooks yet: add one below.</p>
        ) : (
          hooks.data.map((h) => <Endpoint key={h.id} hook={h} onChanged={changed} />)
        )}
      </section>
      <AddWebhook onAdded={(url) => changed(`Webhook to ${url} was added.`)} />
    </div>
  )
}

function Endpoint({ hook, onChanged }: { hook: ListedWebhook; onChanged: (m: string) => void }) {
  const { problem, setProblem, fail } = useFormErrors()
  const [log, setLog] = useState<WebhookDeliveryRow[] | null>(null)
  async function act(what: () => Promise<unknown>, message: string) {
    setProblem('')
    try {
      await what()
      onChanged(message)
    } catch (err) {
      fail(err)
    }
  }
  return (
    <article className="card webhooks-endpoint">
      <h3 className="webhooks-url">{hook.url}</h3>
      <p>
        {hook.enabled ? (
          <span className="badge">Enabled</span>
        ) : (
          <span className="badge badge--locked">Disabled: {hook.disabledReason}</span>
        )}{' '}
        <span className="muted">{hook.events.join(', ')}</span>
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--quiet"
          onClick={async () => setLog(log ? null : await listDeliveries(hook.id).catch(() => []))}
        >
          {log ? 'Hide deliveries' : 'Show deliveries'}
        </button>
        {!hook.enabled && (
          <button
            type="button"
            className="button"
            onClick={() => act(() => enableWebhook(hook.id), `${hook.url} is enabled again.`)}
          >
            Enable
          </button>
        )}
        <button
          type="button"
          className="button button--quiet"
          onClick={() =>
            window.confirm(`Remove the webhook to ${hook.url} and its delivery log?`) &&
            act(() => removeWebhook(hook.id), `Webhook to ${hook.url} was removed.`)
          }
        >
          Remove
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {log &&
        (log.length === 0 ? (
          <p className="muted">No deliveries yet.</p>
        ) : (
          <ul className="webhooks-log">
            {log.map((d) => (
              <li key={d.id}>
                <strong>{d.event}</strong> {dateTime.format(new Date(d.createdAt))}: {d.status},{' '}
                {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                {d.lastError ? ` (${d.lastError})` : ''}
              </li>
            ))}
          </ul>
        ))}
    </article>
  )
}

function AddWebhook({ onAdded }: { onAdded: (url: string) => void }) {
  const { form, errors, setErrors, problem, setProblem, show, fail, errorId, describedBy } =
    useFormErrors(['url', 'events'] as const, 'hook-')
  const [busy, setBusy] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const data = new FormData(e.currentTarget)
    const url = String(data.get('url') ?? '').trim()
    const events = webhookEvents.filter((ev) => data.getAll('events').includes(ev))
    setProblem('')
    const found: { url?: string; events?: string } = {}
    if (!/^https?:\/\/\S+$/i.test(url))
      found.url = 'An http or https URL, e.g. https://crm.example.com/csi.'
    if (events.length === 0) found.events = 'Choose at least one event.'
    if (found.url || found.events) return show(found)
    setErrors({})
    setBusy(true)
    try {
      const body = await addWebhook({ url, events })
      setSecret(body.secret)
      onAdded(url)
    } catch (err) {
      fail(err, (f) => (f.issues.some((i) => i.path === 'url') ? { url: f.message } : {}))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card users-add" aria-labelledby="add-hook-title">
      <h2 id="add-hook-title">Add a webhook</h2>
      {secret ? (
        <div className="users-created">
          <p>Its signing secret is below: copy it into your CRM now, it is shown this once.</p>
          <ShownOnceSecret label="Signing secret" value={secret} valueClassName="apikeys-secret" />
          <div className="actions">
            <button type="button" className="button button--quiet" onClick={() => setSecret(null)}>
              Add another webhook
            </button>
          </div>
        </div>
      ) : (
        <form ref={form} onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="hook-url">URL</label>
            <input
              id="hook-url"
              name="url"
              type="url"
              autoComplete="off"
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={describedBy('url')}
            />
            <FieldError id={errorId('url')} message={errors.url} />
          </div>
          <fieldset className="field webhooks-events" aria-describedby={describedBy('events')}>
            <legend>Events</legend>
            {webhookEvents.map((ev) => (
              <label key={ev}>
                <input type="checkbox" name="events" value={ev} /> <code>{ev}</code>
              </label>
            ))}
            <FieldError id={errorId('events')} message={errors.events} />
          </fieldset>
          <FormSubmit problem={problem} busy={busy} label="Add webhook" busyLabel="Adding…" />
        </form>
      )}
    </section>
  )
}
