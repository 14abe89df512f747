import type { D1Database } from '@cloudflare/workers-types'
import { createApp } from '../app'
import type { Store } from '../db/client'
import { DEFAULT_TOKEN_RATE_LIMIT, type AppEnv } from '../env'
import { chunkOf, requestDrain } from './outbox-queue'
import { workerMail } from './worker-mail'

export type Env = AppEnv['Bindings']
/** Opens the D1 binding through the driver; only the entry file may import it. */
export type StoreOf = (d1: D1Database | undefined) => Store

const BODY_LIMIT = 256 * 1024

/** The mail setup, or null (logged once per isolate) when email is not configured or mis-set. */
export function mailOf(env: Env, publicUrl: string) {
  try {
    return workerMail(env, publicUrl)
  } catch (err) {
    console.error(`Email is not configured correctly: ${(err as Error).message}`)
    return null
  }
}

function rateLimitOf(value: string | undefined) {
  const n = Number(value)
  return value !== undefined && Number.isInteger(n) && n >= 0 ? n : DEFAULT_TOKEN_RATE_LIMIT
}

/** The one app, with the Workers runtime's store, settings, client address, sender and assets. */
export const workerApp = (storeOf: StoreOf) =>
  createApp({
    store: (c) => storeOf(c.env.DB),
    config: (c) => ({
      runtime: 'workerd',
      publicUrl: c.env.PUBLIC_URL ?? new URL(c.req.url).origin,
      bodyLimit: BODY_LIMIT,
      authSecret: c.env.AUTH_SECRET ?? '',
      tokenRateLimit: rateLimitOf(c.env.TOKEN_RATE_LIMIT),
      webhookAllowPrivate: c.env.WEBHOOK_ALLOW_PRIVATE === '1',
    }),
    clientIp: (c) => c.req.header('CF-Connecting-IP'),
    // Email queued by a request is sent by the queue consumer, not in the request: one message
    // per chunk of the wave's due rows, after the response has gone.
    mail: (c) => mailOf(c.env, c.var.config.publicUrl),
    sender: (c) => (waveId) => {
      const queue = c.env.OUTBOX_QUEUE
      const origin = c.var.config.publicUrl
      if (!queue || !mailOf(c.env, origin)) return false
      c.executionCtx.waitUntil(
        requestDrain(queue, c.var.db, { waveId, origin }, chunkOf(c.env.OUTBOX_CHUNK)).catch(
          (err) =>
            console.error(`Queueing the sending of wave ${waveId} failed; the cron retries`, err),
        ),
      )
      return true
    },
    asset: async (c, path) => {
      if (!c.env.ASSETS) return null
      const res = await c.env.ASSETS.fetch(new URL(path, c.req.url).toString())
      return res.ok ? (res as unknown as Response) : null
    },
  })
