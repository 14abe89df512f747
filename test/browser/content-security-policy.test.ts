import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { enqueueInvitations } from '../../server/db/outbox'
import { outbox } from '../../server/db/schema'
import { unsubscribeToken } from '../../server/lib/unsubscribe-token'
import { openDatabase } from '../../server/node/open-database'
import { launchBrowser, submitSignIn } from '../helpers/browser'
import { startNodeServer } from '../helpers/node-server'

const AUTH_SECRET = 'csp-test-secret-csp-test-secret-0123456789'
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
let waveId: string
let link: string
let unsubscribe: string

beforeAll(async () => {
  server = await startNodeServer({ AUTH_SECRET })
  browser = await launchBrowser()
  // Demo waves give the report pages their charts; one small wave gives an invitation link.
  const demo = JSON.parse(await server.csi('demo', '--responses', '120', '--json')) as {
    waves: { id: string }[]
  }
  waveId = demo.waves[0]!.id
  const id = (await server.csi('wave', 'create', '--survey', 'customer', '--name', 'CSP')).trim()
  const file = join(mkdtempSync(join(tmpdir(), 'csi-csp-')), 'contacts.csv')
  writeFileSync(file, 'email,name\nann@example.com,Ann\n')
  await server.csi('contacts', 'import', file, '--wave', id)
  const store = openDatabase(server.env.DATABASE_PATH)
  await enqueueInvitations(store, id, 'localhost', new Date())
  const [row] = await store.db
    .select({ token: outbox.token, invitationId: outbox.invitationId })
    .from(outbox)
  store.close()
  link = `/s/${row!.token}`
  unsubscribe = `/u/${await unsubscribeToken(AUTH_SECRET, row!.invitationId!)}`
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

type Violation = { directive: string; blocked: string; source: string }

/** A page whose CSP violations (the DOM event and Chromium's console report) are collected. */
async function watchedPage(context: BrowserContext, violations: string[]) {
  const page = await context.newPage()
  await page.exposeFunction('reportViolation', (v: Violation) =>
    violations.push(`${v.directive} blocked ${v.blocked} (${v.source}) on ${page.url()}`),
  )
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation: (v: Violation) => void })
        .reportViolation
      report({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
      })
    })
  })
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${m.text()} on ${page.url()}`)
  })
  page.on('pageerror', (e) => violations.push(`script error ${e.message} on ${page.url()}`))
  return page
}

/** Opens `path` and waits for what shows it worked; returns the response's policy. */
async function visit(page: Page, path: string, ready: string) {
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
  await page.locator(ready).first().waitFor({ timeout: 30_000 })
  return res!.headers()['content-security-policy'] ?? ''
}

const anonymousPages: [name: string, path: () => string, ready: string][] = [
  ['sign-in', () => '/sign-in', 'input[type="password"]'],
  ['respondent', () => link, '.sd-question[data-name]'],
  ['unknown link', () => `/s/${'Z'.repeat(43)}`, 'h1'],
  ['unsubscribe', () => unsubscribe, 'form button'],
  ['print, signed out', () => '/print/customer', 'h1'],
  ['api docs', () => '/api/docs', 'body *'],
]

const signedInPages: [name: string, path: () => string, ready: string][] = [
  ['overview', () => '/', 'h1'],
  ['wave report (charts)', () => `/waves/${waveId}`, 'canvas'],
  ['gaps', () => `/waves/${waveId}/gaps`, 'h1'],
  ['trend', () => `/waves/${waveId}/trend`, 'h1'],
  ['comments', () => `/waves/${waveId}/comments`, 'h1'],
  ['surveys', () => '/surveys', 'h1'],
  ['survey', () => '/surveys/customer', 'h1'],
  ['catalogue', () => '/catalogue', 'h1'],
  ['alerts', () => '/alerts', 'h1'],
  ['interview', () => '/interview', 'h1'],
  ['messages', () => '/messages', 'h1'],
  ['users', () => '/users', 'h1'],
  ['api keys', () => '/api-keys', 'h1'],
  ['webhooks', () => '/webhooks', 'h1'],
  ['new survey', () => '/surveys/new', 'h1'],
  ['not found', () => '/no-such-page', 'h1'],
  ['settings', () => '/settings', 'h1'],
  ['account', () => '/account', 'h1'],
  ['printable questionnaire', () => '/print/customer', 'button#print'],
]

describe.each([1280, 375])('Content-Security-Policy at %i px', (width) => {
  test('no page breaks its policy: respondent, info and unsubscribe pages, signed out', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    const violations: string[] = []
    const page = await watchedPage(context, violations)
    for (const [name, path, ready] of anonymousPages) {
      const csp = await visit(page, path(), ready)
      // Pages carry a fresh nonce for their inline blocks; API answers (the reference page
      // included, whose style is a file) have none to allow.
      if (path().startsWith('/api/')) expect(csp, name).toMatch(/script-src 'self';/)
      else {
        expect(csp, name).toMatch(/script-src 'self' 'nonce-/)
        expect(csp, name).toMatch(/style-src 'self' 'nonce-[^;]*;/)
      }
      expect(csp.match(/[\w-]+ [^;]*'unsafe-inline'/g), name).toEqual([
        "style-src-attr 'unsafe-inline'",
      ])
    }
    // The survey itself renders and takes an answer under the policy.
    await visit(page, link, '.sd-question[data-name]')
    await page.locator('.sd-rating__item, .sd-item__control-label').first().click()
    await page.screenshot({ path: `/tmp/shots/csp-respondent-${width}.png`, fullPage: false })
    // One-click unsubscribe through the page's own form.
    await visit(page, unsubscribe, 'form button')
    await page.locator('form button').click()
    await page.getByText('You are unsubscribed').waitFor()
    expect(violations).toEqual([])
    await context.close()
  })

  test('no dashboard page breaks its policy, charts and the printable questionnaire included', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    const violations: string[] = []
    const page = await watchedPage(context, violations)
    await page.goto(`${server.url}/sign-in`)
    await submitSignIn(page, ADMIN.email, ADMIN.password)
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
    for (const [name, path, ready] of signedInPages) {
      await visit(page, path(), ready)
      if (name === 'wave report (charts)')
        await page.screenshot({ path: `/tmp/shots/csp-report-${width}.png`, fullPage: false })
    }
    // chart.js drew: a canvas with pixels on it.
    await visit(page, `/waves/${waveId}`, 'canvas')
    const drawn = await page
      .locator('canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) =>
        c
          .getContext('2d')!
          .getImageData(0, 0, c.width, c.height)
          .data.some((v) => v !== 0),
      )
    expect(drawn).toBe(true)
    expect(violations).toEqual([])
    await context.close()
  })
})
