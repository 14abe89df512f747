import { html } from 'hono/html'

const titles = {
  unknown: 'Link not recognised',
  closed: 'This survey has closed',
  'not-yet-open': 'Not open yet',
} as const

/** A small self-contained page for links that cannot be answered (no scripts, no data). */
export function friendlyPage(state: keyof typeof titles, message: string) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${titles[state]} · CSI Toolkit</title>
    <style>
      body { margin: 0; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif;
        color: #1f2933; background: #f4f6f8; display: grid; min-height: 100vh; place-items: center; }
      main { background: #fff; max-width: 28rem; margin: 1rem; padding: 2rem 2.25rem;
        border-radius: 12px; box-shadow: 0 1px 3px rgba(15, 23, 42, 0.12); }
      h1 { font-size: 1.35rem; margin: 0 0 0.75rem; }
      p { margin: 0; color: #52606d; }
    </style>
  </head>
  <body>
    <main role="main">
      <h1>${titles[state]}</h1>
      <p>${message}</p>
    </main>
  </body>
</html>`
}
