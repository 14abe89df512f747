import type { Context } from 'hono'
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { html } from 'hono/html'
import { programmeBrand } from '../db/brand-settings'
import { resolveLink } from '../db/links'
import { optOutInvitation } from '../db/opt-outs'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { cspNonce, withNonce } from '../lib/middleware'
import { friendlyPage, infoPage } from './friendly-page'
import { linkProblem, linkProblemText } from './link-problem'
import { tokenRateLimit } from './rate-limit'
import { LINK_COOKIE, linkView } from './respondent'
import { respondentPage } from './respondent-page'
import { verifyUnsubscribeToken } from '../lib/unsubscribe-token'

const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }
const LINK_COOKIE_DAYS = 90

export const pagesRoute = new Hono<AppEnv>()
  // The emailed token is exchanged for an HttpOnly cookie and a redirect, so it does not stay
  // in the address bar, the history or a shared screenshot.
  .get('/s/:token{[^/]+}', tokenRateLimit('page'), async (c) => {
    const token = c.req.param('token')
    const link = await resolveLink(c.var.db, token, new Date())
    if (link.state !== 'open') return problemPage(c, link.state)
    setCookie(c, LINK_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure:
        new URL(c.req.url).protocol === 'https:' || c.var.config.publicUrl.startsWith('https:'),
      maxAge: LINK_COOKIE_DAYS * 24 * 3600,
    })
    return c.redirect('/s/', 303)
  })
  .get('/s/', tokenRateLimit('page'), async (c) => {
    const token = getCookie(c, LINK_COOKIE)
    const link = token ? await resolveLink(c.var.db, token, new Date()) : null
    if (!token || !link) {
      const message =
        'This browser has no survey link yet. Please open the link from your email again.'
      return c.html(infoPage('Open your survey link', message), 404, noStore)
    }
    if (link.state !== 'open') return problemPage(c, link.state)
    const shell = await c.var.asset('/respond.html')
    if (!shell) throw new Error('client/dist/respond.html is missing: run `npm run build:client`')
    const view = await linkView(link, token)
    const page = respondentPage(
      withNonce(await shell.text(), cspNonce(c)),
      view,
      c.req.header('Accept-Language'),
      link.invitation?.language,
      await programmeBrand(c.var.db),
    )
    return c.html(page, 200, noStore)
  })
  // RFC 8058: GET never unsubscribes (mail scanners follow links); it shows a button that POSTs.
  .get('/u/:token{[^/]+}', tokenRateLimit('page'), async (c) => {
    const id = await verifyUnsubscribeToken(c.var.config.authSecret, c.req.param('token'))
    if (!id) return c.html(infoPage('Link not recognised', unsubscribeUnknown), 404, noStore)
    const form = html`<form method="post"><button type="submit">Unsubscribe</button></form>`
    return c.html(
      infoPage(
        'Stop survey emails?',
        'We will not email this address about our surveys again.',
        form,
      ),
      200,
      noStore,
    )
  })
  // One-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` without cookies,
  // so no session or CSRF token is asked for; the signed token is the only credential.
  .post('/u/:token{[^/]+}', tokenRateLimit('page'), async (c) => {
    const id = await verifyUnsubscribeToken(c.var.config.authSecret, c.req.param('token'))
    if (!id || !(await optOutInvitation(c.var.db, id))) {
      return c.html(infoPage('Link not recognised', unsubscribeUnknown), 404, noStore)
    }
    return c.html(
      infoPage(
        'You are unsubscribed',
        'You will not receive any more survey emails from us. Thank you.',
      ),
      200,
      noStore,
    )
  })
  .get('*', async (c) => {
    if (c.req.path.startsWith('/api/'))
      throw new ApiError('NOT_FOUND', `No route for GET ${c.req.path}`)
    const file = await c.var.asset(c.req.path)
    if (file?.headers.get('content-type')?.startsWith('text/html')) return dashboardShell(c, file)
    if (file) return mutable(file)
    // Client-side routes of the dashboard fall back to its shell, as on Workers assets.
    const shell = await c.var.asset('/index.html')
    if (shell) return dashboardShell(c, shell)
    throw new ApiError('NOT_FOUND', `Nothing at ${c.req.path}`)
  })

const unsubscribeUnknown =
  'This unsubscribe link is not valid. Please check that you copied all of it.'

function problemPage(c: Context<AppEnv>, state: Parameters<typeof linkProblem>[0]) {
  return c.html(friendlyPage(state, linkProblemText(state)), linkProblem(state).status, noStore)
}

/** The dashboard's shell with this response's CSP nonce on its scripts (see client/lib/style-nonce.ts). */
async function dashboardShell(c: Context<AppEnv>, shell: Response) {
  return c.html(withNonce(await shell.text(), cspNonce(c)), 200, { 'Cache-Control': 'no-cache' })
}

// Fetched responses (Workers assets) have immutable headers; middleware must still add its own.
function mutable(res: Response, extra: Record<string, string> = {}) {
  const headers = new Headers(res.headers)
  for (const [k, v] of Object.entries(extra)) headers.set(k, v)
  return new Response(res.body, { status: res.status, headers })
}
