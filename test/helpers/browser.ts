import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { repoRoot } from './node-server'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const screenshotDir = join(repoRoot, 'test-results')

/** Debian's Chromium, headless, with the flags this sandboxed, offline machine needs. */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: run \`apt-get install -y chromium\` (.ci/run does)`,
    )
  }
  mkdirSync(screenshotDir, { recursive: true })
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Fills the sign-in form on the current page and submits it with Enter (the keyboard path). */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByLabel('Password').press('Enter')
}

/** Opens `/sign-in` on `origin`, signs in, and waits for the Overview it lands on. */
export async function signInToOverview(
  page: Page,
  origin: string,
  email: string,
  password: string,
) {
  await page.goto(`${origin}/sign-in`)
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
}

/**
 * Narrows the page to a 375 px phone and waits until nothing scrolls sideways (charts and
 * tables re-layout after the resize: a condition, not a fixed wait); fails naming the page.
 */
export async function expectFitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 375, height: 800 })
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: `${name} scrolls sideways at 375 px`,
      timeout: 30_000,
    })
    .toBeLessThanOrEqual(0)
}

/**
 * A new page signed in as `email` and on `path` (through the sign-in page's `next`), with its
 * script errors collected in `errors` so a test can fail on any.
 */
export async function openSignedIn(
  browser: Browser,
  o: { baseUrl: string; email: string; password: string; path: string; errors: string[] },
  width = 1280,
) {
  const page = await browser.newPage({ viewport: { width, height: 900 } })
  page.on('pageerror', (e) => o.errors.push(e.message))
  await page.goto(`${o.baseUrl}/sign-in?next=${encodeURIComponent(o.path)}`)
  await submitSignIn(page, o.email, o.password)
  await page.waitForURL((u) => u.pathname === o.path.split('?')[0])
  return page
}
