import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { NONCE, secureHeaders } from 'hono/secure-headers'
import { ApiError } from './errors'
import { sha256Hex } from './sha256'

/** JSON APIs accept only JSON: a form post from another origin never reaches a handler. */
export const requireJson = createMiddleware(async (c, next) => {
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
    const type = c.req.header('content-type') ?? ''
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type must be application/json, got "${type || 'none'}"`,
      )
    }
  }
  await next()
})

/** A body limit chosen per request; a larger body is refused before a handler reads it. */
export const bodyLimitOf = (maxSizeOf: (c: Context) => number) =>
  createMiddleware((c, next) => {
    const maxSize = maxSizeOf(c)
    const refuse = () => {
      throw new ApiError('PAYLOAD_TOO_LARGE', `Request body over ${maxSize} bytes`)
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    // A declared length is judged from the header, as hono's bodyLimit does, but without opening
    // the body as a web stream first: on Node that would cost c.req.json() its fast path.
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number.parseInt(length, 10) > maxSize ? refuse() : next()
    return bodyLimit({ maxSize, onError: refuse })(c, next)
  })

const encoder = new TextEncoder()

/** A CSP source for one exact inline block (a `<style>` whose text never changes). */
export const cspHash = (text: string) =>
  `'sha256-${btoa(String.fromCharCode(...sha256Bytes(encoder.encode(text))))}'`

const sha256Bytes = (data: Uint8Array) =>
  Uint8Array.from(sha256Hex(data).match(/../g)!, (h) => Number.parseInt(h, 16))

/** The nonce of this response's Content-Security-Policy, for inline blocks a page writes. */
export const cspNonce = (c: Context) => c.get('secureHeadersNonce') as string

/**
 * Security headers on every response, with a strict Content-Security-Policy: scripts and
 * styles only from this origin, or inline with this response's nonce (or, for a fixed block,
 * its hash); no plugins, framing, foreign forms or <base>. HSTS only where the site is https:
 * sent over plain http it would only announce a promise the site cannot keep.
 */
export const securityHeaders = (options: {
  https: (c: Context) => boolean
  styleHashes: readonly string[]
}) => {
  const policy = (nonce: boolean) =>
    secureHeaders({
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
      // A response that set its own policy (an uploaded logo's sandbox) keeps it.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: nonce ? ["'self'", NONCE] : ["'self'"],
        styleSrc: nonce
          ? ["'self'", NONCE, ...options.styleHashes]
          : ["'self'", ...options.styleHashes],
        // survey-core writes some style attributes with setAttribute (its SVG icons' colours),
        // which no nonce or hash can allow; attributes cannot load or run anything (img-src and
        // font-src still hold), while <style> elements stay nonce- or hash-only.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    })
  const pages = policy(true)
  // API answers are data (the reference page's style is a file): they get the same policy with
  // no nonce to draw, whose random bytes were 4% of a submission's CPU.
  const data = policy(false)
  return createMiddleware(async (c, next) => {
    await (c.req.path.startsWith('/api/') ? data : pages)(c, next)
    if (options.https(c))
      c.res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  })
}

/**
 * Private by default: an API answer that did not choose its own caching is never stored by a
 * browser or proxy (reports, comments and user lists are personal data).
 */
export const noStoreByDefault = createMiddleware(async (c, next) => {
  await next()
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store')
})

/**
 * A second line behind SameSite cookies and CORS: a write that carries cookies (a dashboard
 * session, a respondent's link cookie) must come from a page of this site. Browsers send
 * Origin (or Sec-Fetch-Site) on every such request, so a request naming another site, or the
 * opaque origin "null", is refused; one with neither comes from no browser and carries no
 * ambient credential to abuse. Hono's `csrf` only looks at form content types, which
 * `requireJson` already refuses, so it would add nothing here.
 */
export const sameOriginWrites = (allowedOrigins: (c: Context) => string[]) =>
  createMiddleware(async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.req.header('cookie')) {
      const origin = c.req.header('origin')
      const site = c.req.header('sec-fetch-site')
      const allowed = allowedOrigins(c)
      const foreign =
        origin !== undefined
          ? !allowed.includes(origin)
          : site !== undefined && site !== 'same-origin' && site !== 'none'
      if (foreign)
        throw new ApiError(
          'FORBIDDEN',
          `Cross-site request refused: Origin ${origin ?? `(Sec-Fetch-Site ${site})`} is not ${allowed[0]}`,
        )
    }
    await next()
  })

/**
 * A trusted template (a built page shell) with this response's CSP nonce on each inline
 * `<style>` and `<script>`; apply it before any request-dependent text goes in, so nothing
 * injected later could carry the nonce.
 */
export const withNonce = (template: string, nonce: string) =>
  template.replace(/<(style|script)(?=[\s>])(?![^>]*\snonce=)/g, `<$1 nonce="${nonce}"`)
