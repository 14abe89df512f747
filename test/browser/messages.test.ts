import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectFitsPhone, launchBrowser, screenshotDir, signInToOverview } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'
import { startSmtpServer } from '../helpers/smtp'

let server: Awaited<ReturnType<typeof startNodeServer>>
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let browser: Browser
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }
const shotDirs = [screenshotDir, '/tmp/shots']

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html')))
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  smtp = await startSmtpServer()
  server = await startNodeServer({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Acme Surveys <surveys@acme.example>',
  })
  browser = await launchBrowser()
  mkdirSync('/tmp/shots', { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
})

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  for (const dir of shotDirs)
    await page.screenshot({ path: join(dir, `${name}-1280.png`), fullPage: true })
  await expectFitsPhone(page, name)
  for (const dir of shotDirs)
    await page.screenshot({ path: join(dir, `${name}-375.png`), fullPage: true })
  // The email itself at phone width, as the frame lays it out.
  await frame(page).locator('h1').waitFor()
  await page
    .locator('.message-workbench__preview')
    .screenshot({ path: join('/tmp/shots', `${name}-375-preview.png`) })
  await page.setViewportSize({ width: 1280, height: 900 })
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** axe-core's serious and critical findings; evaluated over the protocol, as the page's CSP forbids inline script. */
async function seriousViolations(page: Page) {
  await page.evaluate(axeSource)
  const found = await page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[]
    }
    const { axe } = window as unknown as { axe: { run: (d: Document) => Promise<Result> } }
    return (await axe.run(document)).violations
  })
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const frame = (page: Page) => page.frameLocator('iframe[title="Email preview"]')

describe('the Messages page in Chromium', { timeout: 180_000 }, () => {
  test('an admin words the German invitation: live preview, refusal, save, test email, reset', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await signInToOverview(page, server.url, ADMIN.email, ADMIN.password)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Messages' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor()

    // English customer invitation first, previewed in the sandboxed frame.
    await expect.poll(() => page.getByLabel('Subject').inputValue()).toMatch(/^How are we doing\?/)
    await frame(page).getByRole('heading', { name: 'How are we doing?' }).waitFor()
    expect(await page.locator('iframe[title="Email preview"]').getAttribute('sandbox')).toBe('')

    await page.getByLabel('Language', { exact: true }).selectOption('de')
    await expect
      .poll(() => page.getByLabel('Heading').inputValue())
      .toBe('Wie zufrieden sind Sie mit uns?')
    await frame(page).getByText('Umfrage starten').waitFor()
    await shots(page, 'messages-german-invitation')

    // Live: the unsaved heading shows in the preview.
    await page.getByLabel('Heading').fill('Wie war Ihr Einkauf bei uns?')
    await frame(page).getByRole('heading', { name: 'Wie war Ihr Einkauf bei uns?' }).waitFor()

    // A typo in a placeholder is named under its field.
    const body = page.getByLabel('Message', { exact: true })
    const words = await body.inputValue()
    await body.fill(`${words}\n\nBis bald, {nmae}.`)
    await page
      .locator('#message-body-error')
      .getByText(/unknown placeholder \{nmae\}/)
      .waitFor()
    await body.fill(`${words}\n\nBis bald, {name}.`)
    await expect.poll(() => page.locator('#message-body-error').count()).toBe(0)

    await page.getByRole('button', { name: 'Save' }).click()
    await page
      .getByRole('status')
      .getByText(/^Saved/)
      .waitFor()
    await expect
      .poll(() =>
        page.getByLabel('Language', { exact: true }).locator('option:checked').textContent(),
      )
      .toBe('German (de) (edited)')

    await page.getByRole('button', { name: 'Send me a test' }).click()
    await page
      .getByRole('status')
      .getByText(/Test sent to admin@example\.com/)
      .waitFor()
    await expect.poll(() => smtp.received.length).toBe(1)
    const mail = smtp.received[0]!
    expect(mail.to).toBe('admin@example.com')
    expect(mail.subject).toBe(
      '[Test] Wie zufrieden sind Sie mit uns? Eine kurze Umfrage von Acme Surveys',
    )
    expect(mail.html).toContain('Wie war Ihr Einkauf bei uns?')
    expect(mail.text).toContain('Bis bald, Alex Morgan.')

    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Reset to default' }).click()
    await page.getByRole('status').getByText('Reset to the shipped words.').waitFor()
    expect(await page.getByLabel('Heading').inputValue()).toBe('Wie zufrieden sind Sie mit uns?')
    await frame(page).getByRole('heading', { name: 'Wie zufrieden sind Sie mit uns?' }).waitFor()

    // A language we ship nothing for: English words, and the preview says so.
    await page.getByLabel('Another language').fill('it')
    await page.getByRole('button', { name: 'Open' }).click()
    await page
      .getByRole('note')
      .getByText(/Nothing is written in Italian \(it\) yet/)
      .waitFor()
    expect(await page.getByLabel('Subject').inputValue()).toMatch(/^How are we doing\?/)

    // The employee reminder keeps its anonymity promise in the preview.
    await page.getByLabel('Audience').selectOption('employee')
    await page.getByLabel('Language', { exact: true }).selectOption('fr')
    await frame(page).getByText('Vos réponses sont anonymes.').waitFor()
    await shots(page, 'messages-employee-french')
    expect(errors).toEqual([])
  })

  test('the thank-you that promises no call is worded like the others, here in German', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInToOverview(page, server.url, ADMIN.email, ADMIN.password)
    await page.goto(`${server.url}/messages`)
    await page.getByLabel('Audience').selectOption('customer')
    await page
      .getByLabel('Email', { exact: true })
      .selectOption({ label: 'Thanks for a low score' })
    await page.getByLabel('Language', { exact: true }).selectOption('de')
    await expect
      .poll(() => page.getByLabel('Subject').inputValue())
      .toBe('Danke für Ihre Rückmeldung')
    await frame(page)
      .locator('p', { hasText: /Ihre Antworten gehen an die Menschen, die entscheiden/ })
      .first()
      .waitFor()
    expect(await frame(page).locator('body').textContent()).not.toMatch(/meldet sich/)
    await page.screenshot({
      path: join('/tmp/shots', 'messages-thanks-german-1280.png'),
      fullPage: true,
    })
    await expectFitsPhone(page, 'messages-thanks-german')
    await page.screenshot({
      path: join('/tmp/shots', 'messages-thanks-german-375.png'),
      fullPage: true,
    })
    await page.close()
  })

  test('the preview wears the programme brand: its name and colour', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInToOverview(page, server.url, ADMIN.email, ADMIN.password)
    const res = await page.request.put(`${server.url}/api/settings/brand`, {
      headers: { Origin: server.url },
      data: { organisation: 'Bäckerei Schmidt GmbH', primary: '#8a1c1c' },
    })
    expect(res.status()).toBe(200)
    await page.goto(`${server.url}/messages`)
    await page.getByLabel('Audience').selectOption('wholesaler')
    await page.getByLabel('Email', { exact: true }).selectOption('reminder')
    await page.getByLabel('Language', { exact: true }).selectOption('es')
    await frame(page).getByText('Bäckerei Schmidt GmbH').first().waitFor()
    await frame(page).getByRole('link', { name: 'Responder a la encuesta' }).waitFor()
    const colour = await frame(page)
      .getByRole('link', { name: 'Responder a la encuesta' })
      .evaluate((a) => getComputedStyle(a.parentElement!).backgroundColor)
    expect(colour).toBe('rgb(138, 28, 28)')
    await shots(page, 'messages-branded-spanish-reminder')
    await page.request.put(`${server.url}/api/settings/brand`, {
      headers: { Origin: server.url },
      data: { organisation: null, primary: null },
    })
  })
})
