import type { ExecutionContext, MessageBatch, ScheduledController } from '@cloudflare/workers-types'
import { seedDatabase } from '../db/seed'
import { ensureAuthSecret } from '../db/settings'
import { describeScheduledRun, runSchedule } from '../distribution/scheduled-run'
import type { DrainMessage, QueueMessage } from '../env'
import { shippedSurveys } from '../surveys'
import type { D1Counts } from './instrumented-d1'
import { instrumentedD1 } from './instrumented-d1'
import { chunkOf, drainOnce, requestDrain } from './outbox-queue'
import { deliverWebhooksOnce, isWebhookMessage, kickWebhooks } from './webhook-queue'
import { mailOf, workerApp, type Env, type StoreOf } from './worker-app'

// Methods that change nothing, so cannot have queued a webhook event.
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The Worker's fetch, queue and scheduled handlers over the D1 store the entry opens. */
export function workerHandlers(storeOf: StoreOf) {
  const app = workerApp(storeOf)

  /**
   * The queue consumer and the cron job use D1 through a counting wrapper that repeats a call
   * failing with a transient error: their writes are written to be safe to repeat.
   */
  function jobStore(env: Env) {
    const counts: D1Counts = { calls: 0, statements: 0, retries: 0 }
    if (!env.DB) throw new Error('The D1 binding "DB" is missing: see wrangler.toml')
    return { store: storeOf(instrumentedD1(env.DB, { counts, retries: 3 })), counts }
  }

  // Migrations are applied by `wrangler d1 migrations apply`; the shipped surveys are loaded
  // by the first request each isolate serves (idempotent: unchanged files are skipped), and
  // the first admin from the ADMIN_EMAIL / ADMIN_PASSWORD secrets when both are set.
  let seeded: Promise<unknown> | null = null
  // Sessions and unsubscribe links are signed with the AUTH_SECRET secret; without it, with one
  // generated once and kept in D1, read once per isolate. Sessions are stored hashed, so an
  // export of D1 still opens none, but the secret belongs outside it: warn once per isolate.
  let storedSecret: Promise<string> | null = null

  async function authSecretOf(env: Env) {
    if (env.AUTH_SECRET) return env.AUTH_SECRET
    if (!storedSecret)
      console.warn(
        'AUTH_SECRET is not set: session cookies are signed with a secret kept in D1. Set it with `wrangler secret put AUTH_SECRET`.',
      )
    storedSecret ??= ensureAuthSecret(storeOf(env.DB).db).catch((err) => {
      storedSecret = null
      console.error('Reading the stored auth secret failed', err)
      return ''
    })
    return storedSecret
  }

  async function drain(message: DrainMessage, env: Env) {
    const started = Date.now()
    const publicUrl = env.PUBLIC_URL ?? message.origin
    if (!publicUrl) {
      console.error('PUBLIC_URL is not set: links in emails need it; the email stays queued')
      return
    }
    const mail = mailOf(env, publicUrl)
    if (!mail) return
    const { store, counts } = jobStore(env)
    const chunk = chunkOf(env.OUTBOX_CHUNK)
    const secret = await authSecretOf(env)
    const r = await drainOnce(store, message, { mail, publicUrl, secret, chunk })
    const t = r.totals
    const handled = t.sent + t.bounced + t.failed + t.retrying + t.cancelled
    // One line per invocation: what was sent, and what it cost in D1 round trips.
    console.log(
      `outbox drain wave=${message.waveId ?? 'all'}: sent=${t.sent} bounced=${t.bounced} failed=${t.failed} retrying=${t.retrying} cancelled=${t.cancelled}; d1_calls=${counts.calls} d1_statements=${counts.statements} d1_retries=${counts.retries} messages=${handled} ms=${Date.now() - started}`,
    )
    if (r.unavailable)
      console.error(`Email transport unavailable (${mail.mailer.description}): ${r.unavailable}`)
    if (r.again !== null && env.OUTBOX_QUEUE)
      await env.OUTBOX_QUEUE.send({ ...message, origin: publicUrl }, { delaySeconds: r.again })
    // A bounce queues invitation.bounced in its own write: deliver it like a request's events.
    if (t.bounced > 0 && env.OUTBOX_QUEUE) await kickWebhooks(env.OUTBOX_QUEUE, store.db)
  }

  async function deliverWebhooks(env: Env) {
    const { store, counts } = jobStore(env)
    const r = await deliverWebhooksOnce(store.db, env.OUTBOX_QUEUE, {
      allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1',
    })
    if (r.delivered + r.retrying + r.failed > 0)
      console.log(
        `webhooks: delivered=${r.delivered} retrying=${r.retrying} failed=${r.failed} again=${r.again ?? 'none'}; d1_calls=${counts.calls}`,
      )
  }

  return {
    async fetch(request: Request, env: Env, ctx: ExecutionContext) {
      if (env.DB && !seeded) {
        seeded = seedDatabase(storeOf(env.DB), {
          surveys: shippedSurveys,
          adminEmail: env.ADMIN_EMAIL,
          adminPassword: env.ADMIN_PASSWORD,
        }).catch((err) => {
          seeded = null
          console.error('Seeding failed', err)
        })
      }
      await seeded
      const authSecret = env.DB ? await authSecretOf(env) : (env.AUTH_SECRET ?? '')
      const res = await app.fetch(request, { ...env, AUTH_SECRET: authSecret }, ctx as never)
      // A write may have queued webhook events (a response, an alert, an opt-out): one indexed
      // read after the answer has gone, and a queue message when a delivery is due.
      if (env.DB && env.OUTBOX_QUEUE && !READS.has(request.method)) {
        const queue = env.OUTBOX_QUEUE
        ctx.waitUntil(
          kickWebhooks(queue, storeOf(env.DB).db).catch((err) =>
            console.error('Queueing webhook delivery failed; the cron retries', err),
          ),
        )
      }
      return res
    },

    /**
     * The outbox queue's consumer: each message sends one chunk of a wave's due email, or the
     * webhook deliveries that are due.
     */
    async queue(batch: MessageBatch<QueueMessage>, env: Env) {
      for (const message of batch.messages) {
        const body = message.body
        try {
          if (isWebhookMessage(body)) await deliverWebhooks(env)
          else await drain(body, env)
          message.ack()
        } catch (err) {
          const what = isWebhookMessage(body)
            ? 'webhooks'
            : `outbox drain wave=${body.waveId ?? 'all'}`
          console.error(`${what} failed; retried`, err)
          message.retry({ delaySeconds: 30 })
        }
      }
    },

    /** The cron trigger: close due waves, queue due reminders, drain what is due. */
    async scheduled(_controller: ScheduledController, env: Env) {
      if (env.PUBLIC_URL) {
        const { store, counts } = jobStore(env)
        const queue = env.OUTBOX_QUEUE
        const chunk = chunkOf(env.OUTBOX_CHUNK)
        const r = await runSchedule(store, {
          host: new URL(env.PUBLIC_URL).hostname,
          now: new Date(),
          send: (waveId) => queue && requestDrain(queue, store.db, { waveId }, chunk),
        })
        console.log(`${describeScheduledRun(r)}; d1_calls=${counts.calls}`)
      } else
        console.error(
          'PUBLIC_URL is not set: scheduled reminders need it for their links; nothing was queued',
        )
      // Events of the run (wave.closed) and any delivery whose queue message was lost; webhooks
      // carry no links, so they go out without PUBLIC_URL too.
      await deliverWebhooks(env)
    },
  }
}
