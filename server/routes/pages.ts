import { Hono } from 'hono'
import { resolveLink } from '../db/links'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { friendlyPage } from '../lib/friendly-page'
import { linkProblem, linkProblemText } from '../lib/link-problem'

const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }

export const pagesRoute = new Hono<AppEnv>()
  .get('/s/:token', async (c) => {
    const link = await resolveLink(c.var.db, c.req.param('token'), new Date())
    if (link.state !== 'open') {
      const status = linkProblem(link.state).status
      return c.html(friendlyPage(link.state, linkProblemText(link.state)), status, noStore)
    }
    const page = await c.var.asset('/respond.html')
    if (!page) throw new Error('client/dist/respond.html is missing: run `npm run build:client`')
    return mutable(page, noStore)
  })
  .get('*', async (c) => {
    if (c.req.path.startsWith('/api/')) throw new ApiError('NOT_FOUND', `No route for GET ${c.req.path}`)
    const file = await c.var.asset(c.req.path)
    if (file) return mutable(file)
    // Client-side routes of the dashboard fall back to its shell, as on Workers assets.
    const shell = await c.var.asset('/index.html')
    if (shell) return mutable(shell, { 'Cache-Control': 'no-cache' })
    throw new ApiError('NOT_FOUND', `Nothing at ${c.req.path}`)
  })

// Fetched responses (Workers assets) have immutable headers; middleware must still add its own.
function mutable(res: Response, extra: Record<string, string> = {}) {
  const headers = new Headers(res.headers)
  for (const [k, v] of Object.entries(extra)) headers.set(k, v)
  return new Response(res.body, { status: res.status, headers })
}
