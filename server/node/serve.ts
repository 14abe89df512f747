import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createApp } from '../app'
import { seedDatabase } from '../db/seed'
import { ensureAuthSecret } from '../db/settings'
import { shippedSurveys } from '../surveys'
import { nodeAssets } from './assets'
import { ensureAuthSecretFile } from './auth-secret-file'
import type { NodeEnv } from './config'
import { nodeMailer, nodeSender } from './mail-config'
import { openDatabase } from './open-database'
import { backgroundSender } from '../distribution/background-sender'
import { describeScheduledRun, runSchedule } from '../distribution/scheduled-run'
import type { Store } from '../db/client'
import { deliverDueWebhooks } from '../webhooks/deliver'
import { nodeWebhookPost } from './webhook-post'

export const BODY_LIMIT = 256 * 1024

/** Opens, migrates and seeds the database, then serves the app until SIGINT/SIGTERM. */
export async function startNodeServer(env: NodeEnv, log: (line: string) => void = console.log) {
  const store = openDatabase(env.DATABASE_PATH)
  const seeded = await seedDatabase(store, {
    surveys: shippedSurveys,
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    generateAdminPassword: true,
  })
  if (seeded.admin?.generatedPassword) {
    log(`Created admin ${seeded.admin.email} with password: ${seeded.admin.generatedPassword}`)
    log('This password is shown only once. Set ADMIN_EMAIL/ADMIN_PASSWORD to choose your own.')
  } else if (seeded.admin) {
    log(`Created admin ${seeded.admin.email} from ADMIN_EMAIL/ADMIN_PASSWORD`)
  }
  for (const s of seeded.surveys.filter((s) => s.created))
    log(`Loaded survey ${s.id} v${s.version}`)

  const assets = nodeAssets()
  // Unsubscribe links in email already sent stay signed with the stored secret; sessions are
  // signed with one the database file does not hold.
  const authSecret = env.AUTH_SECRET ?? (await ensureAuthSecret(store.db))
  const sessionSecret = env.AUTH_SECRET ?? ensureAuthSecretFile(env.DATABASE_PATH)
  const config = {
    runtime: 'node' as const,
    publicUrl: env.PUBLIC_URL,
    bodyLimit: BODY_LIMIT,
    authSecret,
    sessionSecret,
    tokenRateLimit: env.TOKEN_RATE_LIMIT,
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
  }
  // Invitations and reminders queued from the dashboard go out from this process, through
  // SMTP_URL or as .eml files, like `csi invite`.
  const mail = { mailer: nodeMailer(env), ...nodeSender(env) }
  const startSending = backgroundSender({
    store,
    mail,
    publicUrl: env.PUBLIC_URL,
    secret: authSecret,
    background: (task) => void task.catch((err) => console.error('Background task failed', err)),
  })
  const app = createApp({
    store: () => store,
    config: () => config,
    asset: (c, path) => assets(path, c.req.header('Accept-Encoding')),
    clientIp: (c) => getConnInfo(c).remote.address,
    sender: () => startSending,
    mail: () => mail,
  })
  const schedule = startSchedule(env, store, startSending, log)
  const webhooks = startWebhookDeliveries(store, env.WEBHOOK_ALLOW_PRIVATE)
  const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
    log(`CSI Toolkit on ${env.PUBLIC_URL} (port ${info.port}, database ${env.DATABASE_PATH})`)
  })
  const stop = () => {
    clearInterval(schedule)
    clearInterval(webhooks)
    server.close(() => {
      void mail.mailer.close()
      store.close()
      process.exit(0)
    })
    // Keep-alive sockets can hold close() open; the DB is consistent at every commit anyway.
    setTimeout(() => process.exit(0), 2000).unref()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return { server, store }
}

/**
 * What a cron trigger does on Workers, every SCHEDULE_MINUTES here: close waves past their
 * closing date, queue due reminders, send what is due. Runs never overlap.
 */
function startSchedule(
  env: NodeEnv,
  store: Store,
  send: (waveId: string) => boolean,
  log: (line: string) => void,
) {
  if (env.SCHEDULE_MINUTES === 0) return undefined
  const host = new URL(env.PUBLIC_URL).hostname
  let busy = false
  const timer = setInterval(async () => {
    if (busy) return
    busy = true
    try {
      const r = await runSchedule(store, { host, now: new Date(), send })
      if (r.closed.length || r.reminders.length || r.digests) log(describeScheduledRun(r))
    } catch (err) {
      console.error('Scheduled run failed', err)
    } finally {
      busy = false
    }
  }, env.SCHEDULE_MINUTES * 60_000)
  timer.unref()
  return timer
}

// Webhook events wait in their own outbox; first attempts and retries go out within seconds.
const WEBHOOK_POLL_MS = 2000

function startWebhookDeliveries(store: Store, allowPrivate: boolean) {
  const post = nodeWebhookPost(allowPrivate)
  let busy = false
  const timer = setInterval(async () => {
    if (busy) return
    busy = true
    try {
      await deliverDueWebhooks(store.db, post, { allowPrivate })
    } catch (err) {
      console.error('Webhook deliveries failed', err)
    } finally {
      busy = false
    }
  }, WEBHOOK_POLL_MS)
  timer.unref()
  return timer
}
