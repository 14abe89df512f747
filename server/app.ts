import type { Context } from 'hono'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { secureHeaders } from 'hono/secure-headers'
import type { Store } from './db/client'
import { authRoute } from './auth/route'
import type { AppEnv, Config } from './env'
import { ApiError, errorBody, onError } from './lib/errors'
import { requireJson } from './lib/require-json'
import { healthRoute } from './health/route'
import { linksRoute, respondRoute } from './respond/links-route'
import { meRoute } from './auth/me-route'
import { pagesRoute } from './respond/pages-route'
import { wavesRoute } from './waves/route'
import { printRoute } from './respond/print-route'
import { alertsRoute } from './follow-ups/alerts-route'
import { usersRoute } from './auth/users-route'
import { waveAlertsRoute } from './follow-ups/wave-rules-route'
import { resultsRoute } from './results/route'
import { responsesRoute } from './responses/route'
import { distributionRoute } from './distribution/route'

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
}

/** Largest contact file accepted through the API (the CLI streams files of any size). */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024

export function createApp(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      .use(async (c, next) => {
        const { db, atomic } = deps.store(c)
        c.set('db', db)
        c.set('atomic', atomic)
        c.set('config', deps.config(c))
        c.set('asset', (path: string) => deps.asset(c, path))
        c.set('clientIp', deps.clientIp?.(c) ?? 'unknown')
        c.set('startSending', deps.sender?.(c) ?? (() => false))
        await next()
      })
      .use(secureHeaders({ referrerPolicy: 'no-referrer', crossOriginEmbedderPolicy: false }))
      // Cloudflare's edge compresses Worker responses itself; Node has to do it here.
      .use((c, next) => (c.var.config.runtime === 'node' ? compress()(c, next) : next()))
      .use('/api/*', (c, next) => {
        // A contact list is the one large body: 10,000 contacts are about half a megabyte.
        const maxSize = /^\/api\/waves\/[^/]+\/contacts$/.test(c.req.path)
          ? IMPORT_BODY_LIMIT
          : c.var.config.bodyLimit
        return bodyLimit({
          maxSize,
          onError: () => {
            throw new ApiError('PAYLOAD_TOO_LARGE', `Request body over ${maxSize} bytes`)
          },
        })(c, next)
      })
      .use('/api/*', requireJson)
      .onError(onError)
      .notFound((c) =>
        c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), 404),
      )
      .route('/api/health', healthRoute)
      .route('/api/auth', authRoute)
      .route('/api/me', meRoute)
      .route('/api/links', linksRoute)
      .route('/api/respond', respondRoute)
      .route('/api/waves', wavesRoute)
      .route('/api/waves', distributionRoute)
      .route('/api/waves', responsesRoute)
      .route('/api/waves', resultsRoute)
      .route('/api/waves', waveAlertsRoute)
      .route('/api/alerts', alertsRoute)
      .route('/api/users', usersRoute)
      .route('/print', printRoute)
      .route('/', pagesRoute)
  )
}

export type AppType = ReturnType<typeof createApp>
