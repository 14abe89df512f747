import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
const dist = join(repoRoot, 'client/dist')

beforeAll(async () => {
  if (!existsSync(join(dist, 'respond.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  server = await startNodeServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openLink() {
  const out = await server.csi(
    'wave',
    'create',
    '--survey',
    'customer',
    '--name',
    'Speed',
    '--open',
    '--json',
  )
  return (JSON.parse(out) as { link: string }).link
}

/** The respondent page's HTML as a browser gets it: /s/<token> → cookie → /s/. */
async function respondentHtml() {
  const first = await fetch(await openLink(), { redirect: 'manual' })
  const cookie = first.headers.get('set-cookie')!.split(';')[0]!
  return (await fetch(`${server.url}/s/`, { headers: { cookie } })).text()
}

describe('respondent page load (SPEC §6)', { timeout: 0 }, () => {
  test('the HTML starts survey-core and its CSS at once, and blocks on no stylesheet', async () => {
    const html = await respondentHtml()
    const head = html.slice(0, html.indexOf('</head>'))
    expect(head).toMatch(/<link rel="modulepreload"[^>]*href="\/assets\/survey-core-[\w-]+\.js"/)
    expect(head).toMatch(
      /<link rel="preload" as="style"[^>]*href="\/assets\/survey-core-[\w-]+\.css"/,
    )
    // The shell paints from inline CSS: a stylesheet link would hold the first paint back.
    expect(head).not.toMatch(/rel="stylesheet"/)
    // The survey and the link's data come with the page: no API round trip first.
    expect(html).toContain('<h1 class="shell-title">Customer satisfaction survey</h1>')
    expect(html).toMatch(/<script type="application\/json" id="survey-data">\{"wave"/)
  })

  test('hashed assets: brotli when accepted, gzip otherwise, immutable, identical bytes', async () => {
    const html = await respondentHtml()
    const chunk = /href="(\/assets\/survey-core-[\w-]+\.js)"/.exec(html)![1]!
    const built = readFileSync(join(dist, chunk))
    const get = (encoding: string) =>
      fetch(`${server.url}${chunk}`, { headers: { 'Accept-Encoding': encoding } })
    const br = await get('gzip, deflate, br')
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
    // Node's fetch decodes what it asked for; the stored copy must decode to the build.
    expect(Buffer.from(await br.arrayBuffer()).equals(built)).toBe(true)
    const gz = await get('gzip')
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(Buffer.from(await gz.arrayBuffer()).equals(built)).toBe(true)
    // Every compressible hashed asset of the build has both copies, and they are the file.
    for (const f of readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f))) {
      const body = readFileSync(join(dist, 'assets', f))
      if (body.length < 1024) continue
      expect(
        brotliDecompressSync(readFileSync(join(dist, 'assets', `${f}.br`))).equals(body),
        f,
      ).toBe(true)
      expect(gunzipSync(readFileSync(join(dist, 'assets', `${f}.gz`))).equals(body), f).toBe(true)
    }
  })

  test('at 375 px the page shifts by at most 0.1 while loading, and asks no API', async () => {
    const page = await browser.newPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    const api: string[] = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) api.push(r.url())
    })
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number[] }
      w.shifts = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {
          value: number
          hadRecentInput: boolean
        }[])
          if (!e.hadRecentInput) w.shifts.push(e.value)
      }).observe({ type: 'layout-shift', buffered: true })
    })
    // Lighthouse's mobile CPU: on a fast one survey-core settles before the first paint anyway.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(await openLink())
    // The header the server painted is there before any script runs, and stays.
    await page.getByRole('heading', { level: 1, name: 'Customer satisfaction survey' }).waitFor()
    await page.locator('.sd-question[data-name="rebuy"]').waitFor()
    // survey-core re-measures itself after rendering (ResizeObserver, then a frame): let it.
    await page.evaluate(
      () =>
        new Promise((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500))),
        ),
    )
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)
    const total = shifts.reduce((a, b) => a + b, 0)
    expect(total, `layout shifts ${JSON.stringify(shifts)}`).toBeLessThanOrEqual(0.1)
    expect(api).toEqual([])
    await page.close()
  })
})
