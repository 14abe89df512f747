import type { D1Database, Fetcher } from '@cloudflare/workers-types'
import type { Atomic } from './db/atomic'
import type { Db } from './db/client'

export type Runtime = 'node' | 'workerd'

/** Settings the app needs, built from process.env (Node) or bindings (Workers) by each entry. */
export type Config = {
  runtime: Runtime
  publicUrl: string
  /** Largest accepted request body, in bytes. */
  bodyLimit: number
  /** Signs session cookies: AUTH_SECRET, else generated once and kept in the database. */
  authSecret: string
  /** Requests per minute per client address on respondent-token routes; 0 turns it off. */
  tokenRateLimit: number
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
  }
}
