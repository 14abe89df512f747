import { Hono } from 'hono'
import type { RouterRoute } from 'hono/types'
import type { AppEnv } from '../env'
import { describeApi, type OpenApiDocument } from './describe-api'
import { referenceCss, referencePage } from './reference-page'

/** The app's routes, filled in by createApp once every route is mounted. */
export type DescribedRoutes = { routes: readonly RouterRoute[] }

/**
 * `GET /api/openapi.json` and its reference page `/api/docs`: public, as the routes they
 * describe are. The page is plain HTML with one stylesheet file and no script, so it needs no
 * network beyond this server and passes a strict Content-Security-Policy.
 */
export const openApiRoute = (described: DescribedRoutes) => {
  let cached: { url: string; doc: OpenApiDocument } | undefined
  const documentFor = (url: string) => {
    if (cached?.url !== url) cached = { url, doc: describeApi(described.routes, url) }
    return cached.doc
  }
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(documentFor(c.var.config.publicUrl), 200))
    .get('/docs', (c) => c.html(referencePage(documentFor(c.var.config.publicUrl)), 200))
    .get('/docs/reference.css', (c) =>
      c.body(referenceCss, 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
      }),
    )
}
