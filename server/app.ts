import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { apiKeysRoute } from './apikeys/route'
import { webhooksRoute } from './webhooks/route'
import { authRoute } from './auth/route'
import { brandSettingsRoute, logoFileRoute, publicBrandRoute } from './brand/route'
import { catalogueRoute } from './catalogue/route'
import { meRoute } from './auth/me-route'
import { usersRoute } from './auth/users-route'
import { distributionRoute } from './distribution/route'
import { contactFrequencyRoute } from './distribution/contact-frequency-route'
import { triggerRoute } from './distribution/trigger-route'
import { withDeps, type AppDeps, type AppEnv } from './env'
import { alertsRoute } from './follow-ups/alerts-route'
import { waveAlertsRoute } from './follow-ups/wave-rules-route'
import { healthRoute } from './health/route'
import { messagesRoute } from './messages/route'
import { openApiRoute, type DescribedRoutes } from './openapi/route'
import { errorBody, onError } from './lib/errors'
import {
  bodyLimitOf,
  noStoreByDefault,
  requireJson,
  sameOriginWrites,
  securityHeaders,
} from './lib/middleware'
import { infoPageStyleHash } from './respond/friendly-page'
import { linksRoute, respondRoute } from './respond/links-route'
import { pagesRoute } from './respond/pages-route'
import { surveysRoute } from './programme/surveys-route'
import { printRoute } from './respond/print-route'
import { responsesRoute } from './responses/route'
import { resultsRoute } from './results/route'
import { settingsRoute } from './settings/route'
import { wavesRoute } from './waves/route'

/** Largest contact file accepted through the API (the CLI streams files of any size). */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024
// A contact list is the one large body: 10,000 contacts are about half a megabyte.
const contacts = /^\/api\/waves\/[^/]+\/contacts$/
/** Largest survey definition accepted: real SurveyJS JSON runs to a few hundred kilobytes. */
export const SURVEY_BODY_LIMIT = 2 * 1024 * 1024
const surveys = /^\/api\/surveys(\/|$)/

// Made once: building hono's compress middleware per request showed in the submission profile.
const compressOnNode = compress()

export function createApp(deps: AppDeps) {
  const described: DescribedRoutes = { routes: [] }
  const app = new Hono<AppEnv>()
    .use(withDeps(deps))
    .use(
      securityHeaders({
        https: (c) => c.var.config.publicUrl.startsWith('https:') || c.req.url.startsWith('https:'),
        styleHashes: [infoPageStyleHash],
      }),
    )
    // Cloudflare's edge compresses Worker responses itself; Node has to do it here.
    .use((c, next) => (c.var.config.runtime === 'node' ? compressOnNode(c, next) : next()))
    .use(
      '/api/*',
      bodyLimitOf((c) =>
        contacts.test(c.req.path)
          ? IMPORT_BODY_LIMIT
          : surveys.test(c.req.path)
            ? Math.max(SURVEY_BODY_LIMIT, c.var.config.bodyLimit)
            : c.var.config.bodyLimit,
      ),
    )
    .use('/api/*', requireJson)
    .use(
      '/api/*',
      sameOriginWrites((c) => [new URL(c.var.config.publicUrl).origin, new URL(c.req.url).origin]),
    )
    .use('/api/*', noStoreByDefault)
    .onError(onError)
    .notFound((c) =>
      c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), 404),
    )
    .route('/api/health', healthRoute)
    .route('/api', openApiRoute(described))
    .route('/api/auth', authRoute)
    .route('/api/me', meRoute)
    .route('/api/users', usersRoute)
    .route('/api/apikeys', apiKeysRoute)
    .route('/api/webhooks', webhooksRoute)
    .route('/api/settings/brand', brandSettingsRoute)
    .route('/api/settings/contact-frequency', contactFrequencyRoute)
    .route('/api/settings', settingsRoute)
    .route('/api/brand', publicBrandRoute)
    .route('/api/surveys', surveysRoute)
    .route('/api/catalogue', catalogueRoute)
    .route('/api/links', linksRoute)
    .route('/api/respond', respondRoute)
    .route('/api/waves', wavesRoute)
    .route('/api/waves', distributionRoute)
    .route('/api/waves', triggerRoute)
    .route('/api/waves', responsesRoute)
    .route('/api/waves', resultsRoute)
    .route('/api/waves', waveAlertsRoute)
    .route('/api/alerts', alertsRoute)
    .route('/api/messages', messagesRoute)
    .route('/print', printRoute)
    .route('/brand', logoFileRoute)
    .route('/', pagesRoute)
  described.routes = app.routes
  return app
}

export type AppType = ReturnType<typeof createApp>
