import type { D1Database, Fetcher, Queue } from '@cloudflare/workers-types'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Atomic } from './db/atomic'
import type { Db, Store } from './db/client'
import type { Mailer } from './mail/mailer'
import type { SendEmailBinding } from './mail/send-email-binding-mailer'

/** How the app sends email itself: the transport and who the messages come from. */
export type MailSetup = { mailer: Mailer; from: string; organisation: string }

/**
 * A queue message: "send what is due in this wave" (null: in any wave). The rows themselves
 * stay in D1, so a message delivered twice or lost costs nothing: rows are leased, and the cron
 * trigger asks again for anything still due.
 */
export type DrainMessage = { waveId: string | null; origin?: string }
/** A queue message: "deliver the webhooks that are due" (the deliveries stay in D1 likewise). */
export type WebhookMessage = { webhooks: true }
export type QueueMessage = DrainMessage | WebhookMessage

export type Runtime = 'node' | 'workerd'

/** Settings the app needs, built from process.env (Node) or bindings (Workers) by each entry. */
export type Config = {
  runtime: Runtime
  publicUrl: string
  /** Largest accepted request body, in bytes. */
  bodyLimit: number
  /**
   * Signs unsubscribe links (and sessions, when sessionSecret is absent): AUTH_SECRET, else
   * generated once and kept in the database, so links in email already sent keep working.
   */
  authSecret: string
  /**
   * Signs session cookies: AUTH_SECRET, else (Node) a key file beside the database; never a
   * value stored in the database, so a copy of it cannot sign a cookie.
   */
  sessionSecret?: string
  /** Requests per minute per client address on respondent-token routes; 0 turns it off. */
  tokenRateLimit: number
  /** WEBHOOK_ALLOW_PRIVATE=1: webhook targets on private addresses (tests, on-premise CRMs). */
  webhookAllowPrivate?: boolean
}

/** Token-route requests per minute per address: generous for a office behind one NAT. */
export const DEFAULT_TOKEN_RATE_LIMIT = 300

export type AppEnv = {
  Bindings: {
    DB?: D1Database
    ASSETS?: Fetcher
    PUBLIC_URL?: string
    ADMIN_EMAIL?: string
    ADMIN_PASSWORD?: string
    AUTH_SECRET?: string
    TOKEN_RATE_LIMIT?: string
    WEBHOOK_ALLOW_PRIVATE?: string
    /** Workers email: the send_email binding, the outbox queue and their settings (wrangler.toml). */
    EMAIL?: SendEmailBinding
    OUTBOX_QUEUE?: Queue<QueueMessage>
    MAIL_FROM?: string
    EMAIL_PROVIDER?: string
    EMAIL_API_URL?: string
    EMAIL_API_KEY?: string
    OUTBOX_CHUNK?: string
  }
  Variables: {
    db: Db
    atomic: Atomic
    config: Config
    asset: (path: string) => Promise<Response | null>
    /** The client's address as the runtime sees it ('unknown' in tests without a socket). */
    clientIp: string
    /** Starts sending a wave's queued email after the response; false when this app has no mailer. */
    startSending: (waveId: string) => boolean
    /** The email transport and sender (a test message), or null when none is configured. */
    mail: () => MailSetup | null
  }
}

/** What each runtime's entry gives the one app. */
export type AppDeps = {
  store: (c: Context<AppEnv>) => Store
  config: (c: Context<AppEnv>) => Config
  /** Serves a built client file (client/dist), or null when there is none. */
  asset: (c: Context<AppEnv>, path: string) => Promise<Response | null>
  /** The client's address (Node: the socket; Workers: CF-Connecting-IP). */
  clientIp?: (c: Context<AppEnv>) => string | undefined
  /**
   * Starts sending a wave's queued email (Node: a run in this process; Workers: a message on
   * the outbox queue) and says whether it did; absent, queued email waits for `csi invite`.
   */
  sender?: (c: Context<AppEnv>) => (waveId: string) => boolean
  /** The email transport, read when a request needs it; absent, there is none. */
  mail?: (c: Context<AppEnv>) => MailSetup | null
}

/** Puts the runtime's store, settings and services on every request's variables. */
export const withDeps = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { db, atomic } = deps.store(c)
    c.set('db', db)
    c.set('atomic', atomic)
    c.set('config', deps.config(c))
    c.set('asset', (path: string) => deps.asset(c, path))
    c.set('clientIp', deps.clientIp?.(c) ?? 'unknown')
    c.set('startSending', deps.sender?.(c) ?? (() => false))
    c.set('mail', () => deps.mail?.(c) ?? null)
    await next()
  })
