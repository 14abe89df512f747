import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createApp } from '../app'
import { seedDatabase } from '../db/seed'
import { ensureAuthSecret } from '../db/settings'
import { shippedSurveys } from '../surveys'
import { nodeAssets } from './assets'
import type { NodeEnv } from './config'
import { nodeMailer, senderOf } from './mail-config'
import { openDatabase } from './open-database'

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
  const authSecret = env.AUTH_SECRET ?? (await ensureAuthSecret(store.db))
  const config = {
    runtime: 'node' as const,
    publicUrl: env.PUBLIC_URL,
    bodyLimit: BODY_LIMIT,
    authSecret,
    tokenRateLimit: env.TOKEN_RATE_LIMIT,
  }
  // Invitations and reminders queued from the dashboard go out from this process, through
  // SMTP_URL or as .eml files, like `csi invite`.
  const mail = { mailer: nodeMailer(env), ...senderOf(env) }
  const app = createApp({
    store: () => store,
    config: () => config,
    asset: (_c, path) => assets(path),
    clientIp: (c) => getConnInfo(c).remote.address,
    mail: () => mail,
    background: (_c, task) =>
      void task.catch((err) => console.error('Background task failed', err)),
  })
  const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
    log(`CSI Toolkit on ${env.PUBLIC_URL} (port ${info.port}, database ${env.DATABASE_PATH})`)
  })
  const stop = () => {
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
