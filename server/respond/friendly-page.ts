import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { cspHash } from '../lib/middleware'

const titles = {
  unknown: 'Link not recognised',
  closed: 'This survey has closed',
  'not-yet-open': 'Not open yet',
  used: 'Already answered',
} as const

/** A small self-contained page for links that cannot be answered (no scripts, no data). */
export function friendlyPage(state: keyof typeof titles, message: string) {
  return infoPage(titles[state], message)
}

/**
 * A plain message page (respondent side): every value is escaped by `html`; `extra` is for
 * markup built the same way, e.g. the unsubscribe confirmation form.
 */
export function infoPage(
  title: string,
  message: string,
  extra?: HtmlEscapedString | Promise<HtmlEscapedString>,
) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} · CSI Toolkit</title>
        <style>
          ${raw(infoPageStyle)}
        </style>
      </head>
      <body>
        <main role="main">
          <h1>${title}</h1>
          <p>${message}</p>
          ${extra ?? ''}
        </main>
      </body>
    </html>`
}

/** The info page's whole stylesheet: fixed text, so the Content-Security-Policy allows it by hash. */
export const infoPageStyle = `
body {
  margin: 0;
  font:
    16px/1.5 system-ui,
    -apple-system,
    'Segoe UI',
    sans-serif;
  color: #1f2933;
  background: #f4f6f8;
  display: grid;
  min-height: 100vh;
  place-items: center;
}
main {
  background: #fff;
  max-width: 28rem;
  margin: 1rem;
  padding: 2rem 2.25rem;
  border-radius: 12px;
  box-shadow: 0 1px 3px rgba(15, 23, 42, 0.12);
}
h1 {
  font-size: 1.35rem;
  margin: 0 0 0.75rem;
}
p {
  margin: 0;
  color: #52606d;
}
form {
  margin-top: 1.5rem;
}
button {
  font: inherit;
  font-weight: 600;
  color: #fff;
  background: #1d4ed8;
  border: 0;
  border-radius: 8px;
  padding: 0.7rem 1.4rem;
  cursor: pointer;
  min-height: 44px;
}
button:focus-visible {
  outline: 3px solid #93c5fd;
  outline-offset: 2px;
}
`

/** The Content-Security-Policy source allowing the info page's one inline style, by hash. */
export const infoPageStyleHash = cspHash(
  /<style>([^]*?)<\/style>/.exec(String(infoPage('', '')))![1]!,
)
