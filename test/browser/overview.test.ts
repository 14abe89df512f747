import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { launchBrowser, screenshotDir, signInToOverview } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'
import { startSmtpServer } from '../helpers/smtp'

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

const MANAGER = { email: 'manager@example.com', password: 'correct horse battery' }
const closes = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  // Slow enough that the overview shows the sending progress before the messages are through.
  smtp = await startSmtpServer({ delayMs: 1500 })
  server = await startNodeServer({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Acme Surveys <cx@acme.example>',
  })
  await server.csi(
    'user',
    'add',
    MANAGER.email,
    '--role',
    'manager',
    '--password',
    MANAGER.password,
  )
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
})

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

async function signIn(page: Page) {
  await signInToOverview(page, server.url, MANAGER.email, MANAGER.password)
}

const file = (lines: string[]) => ({
  name: 'contacts.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(lines.join('\n')),
})

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe('waves overview in Chromium', () => {
  test('a manager creates a wave, imports contacts (one bad row, then fixed), invites, closes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signIn(page)
    await page.getByRole('heading', { name: 'No waves yet' }).waitFor()
    await shot(page, 'overview-empty-desktop')

    // Keyboard: the dialog takes the focus, Escape closes it, the focus goes back.
    await page.getByRole('button', { name: 'Create wave' }).focus()
    await page.keyboard.press('Enter')
    const create = page.getByRole('dialog', { name: 'Create a wave' })
    await create.waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name')
    const surveys = await create.getByLabel('Survey').locator('option').allTextContents()
    // The programme's surveys (the starter templates here), by audience, with the version a wave pins.
    expect(surveys).toEqual([
      'Customer satisfaction survey · Customers · version 1',
      'Wholesale partner survey · Wholesalers · version 1',
      'Retail partner survey · Retailers · version 1',
    ])
    await page.keyboard.press('Escape')
    await create.waitFor({ state: 'detached' })
    expect(await focusedText(page)).toBe('Create wave')

    await page.keyboard.press('Enter')
    await create.getByRole('button', { name: 'Create wave' }).click()
    await create.getByText('must not be empty').waitFor()
    expect(await create.getByLabel('Name').getAttribute('aria-invalid')).toBe('true')
    await create.getByLabel('Closes (optional)').fill('2020-01-31')
    await create.getByLabel('Name').fill('Spring customers')
    await create.getByRole('button', { name: 'Create wave' }).click()
    await create.getByText('2020-01-31 is in the past').waitFor()
    await shot(page, 'overview-create-error-desktop')
    expect(await seriousViolations(page)).toEqual([])
    await create.getByLabel('Closes (optional)').fill(closes)
    await create.getByRole('button', { name: 'Create wave' }).click()
    await create.waitFor({ state: 'detached' })
    await page.getByRole('status').filter({ hasText: 'Created “Spring customers”' }).waitFor()
    const wave = page.locator('tbody', { hasText: 'Spring customers' })
    await wave.getByRole('link', { name: 'Spring customers' }).waitFor()
    expect(await wave.getByRole('link', { name: 'Spring customers' }).getAttribute('href')).toMatch(
      /^\/waves\/w-/,
    )

    await wave.getByRole('button', { name: 'Import contacts' }).click()
    const importing = page.getByRole('dialog', { name: /Import contacts/ })
    await importing.getByText('email,name,audience,owner,region').waitFor()
    await importing
      .getByLabel('Contact file (CSV)')
      .setInputFiles(
        file([
          'email,name,region',
          'ana@example.com,Ana Silva,north',
          'not-an-email,Bo Jones,south',
          'cy@example.com,Cy Lee,south',
        ]),
      )
    await importing.getByRole('button', { name: 'Import contacts' }).click()
    const problems = importing.getByRole('alert')
    await problems.getByText('Nothing was imported: 1 problem').waitFor()
    expect(await problems.getByRole('listitem').allTextContents()).toEqual([
      'Row 3 email: "not-an-email" is not an email address',
    ])
    await shot(page, 'overview-import-errors-desktop')
    expect(await seriousViolations(page)).toEqual([])
    await importing
      .getByLabel('Contact file (CSV)')
      .setInputFiles(
        file([
          'email,name,region',
          'ana@example.com,Ana Silva,north',
          'bo@example.com,Bo Jones,south',
          'cy@example.com,Cy Lee,south',
        ]),
      )
    await importing.getByRole('button', { name: 'Import contacts' }).click()
    await importing.waitFor({ state: 'detached' })
    await wave.getByText('Imported 3 contacts (3 new, 0 updated). Segments: region.').waitFor()
    await expect.poll(() => wave.locator('td[data-label="Invited"]').textContent()).toBe('3')

    await wave.getByRole('button', { name: 'Send invitations' }).click()
    const inviting = page.getByRole('dialog', { name: /Send invitations/ })
    await inviting.getByText('3 contacts in this wave').waitFor()
    await inviting.getByRole('button', { name: 'Send invitations' }).click()
    await wave.getByText('Queued 3 invitations. Sending now').waitFor()
    await wave.locator('td[data-label="Email"]').getByText('3 waiting').waitFor()
    await shot(page, 'overview-sending-desktop')
    await expect
      .poll(() => smtp.received.map((m) => m.to).sort(), { timeout: 15_000 })
      .toEqual(['ana@example.com', 'bo@example.com', 'cy@example.com'])
    expect(smtp.received[0]!.text).toContain(`${server.url}/s/`)
    // The overview polls while anything is queued, so the Email column catches up by itself.
    await wave.locator('td[data-label="Email"]').getByText('3 sent').waitFor({ timeout: 15_000 })
    await shot(page, 'overview-sent-desktop')
    await noHorizontalOverflow(page)
    expect(await seriousViolations(page)).toEqual([])

    await wave.getByRole('button', { name: 'Close wave' }).click()
    const closing = page.getByRole('dialog', { name: /Close “Spring customers”/ })
    await closing.getByText(/links stop working/).waitFor()
    expect(await focusedText(page)).toBe('Keep it open')
    await shot(page, 'overview-close-confirm-desktop')
    await closing.getByRole('button', { name: 'Close the wave' }).click()
    await closing.waitFor({ state: 'detached' })
    await wave.getByText('Closed', { exact: true }).waitFor()
    await wave
      .getByRole('status')
      .getByText(/This survey has closed/)
      .waitFor()
    expect(await wave.getByRole('button').count()).toBe(0)
    const shown = JSON.parse(await server.csi('wave', 'list', '--json')) as { state: string }[]
    expect(shown.map((w) => w.state)).toEqual(['closed'])
    await shot(page, 'overview-closed-desktop')
    await page.close()
  }, 120_000)

  test('on a 375 px phone: the cards, the dialogs and their errors fit the screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 760 },
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    await signIn(page)
    await page.getByRole('button', { name: 'Create wave' }).click()
    const create = page.getByRole('dialog', { name: 'Create a wave' })
    await create.getByLabel('Survey').selectOption('retailer')
    await create.getByLabel('Name').fill('Retailers 2026')
    await create.getByLabel('Also create a public link').check()
    await shot(page, 'overview-create-mobile')
    await create.getByRole('button', { name: 'Create wave' }).click()
    const ready = page.getByRole('dialog', { name: 'Wave created' })
    const link = await ready.getByLabel('Public link', { exact: true }).inputValue()
    expect(link).toMatch(new RegExp(`^${server.url}/s/[A-Za-z0-9_-]{22,}$`))
    await shot(page, 'overview-open-link-mobile')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-link')
    await ready.getByRole('button', { name: 'Done' }).click()

    const wave = page.locator('tbody', { hasText: 'Retailers 2026' })
    await wave.getByRole('button', { name: 'Import contacts' }).click()
    const importing = page.getByRole('dialog', { name: /Import contacts/ })
    await importing
      .getByLabel('Contact file (CSV)')
      .setInputFiles(file(['email,audience', 'shop@example.com,customer', 'x@y,retailer']))
    await importing.getByRole('button', { name: 'Import contacts' }).click()
    await importing.getByText('Nothing was imported: 2 problems').waitFor()
    await shot(page, 'overview-import-errors-mobile')
    await noHorizontalOverflow(page)
    await importing.getByRole('button', { name: 'Cancel' }).click()

    await wave.getByRole('button', { name: 'Send reminders' }).click()
    const reminding = page.getByRole('dialog', { name: /Send reminders/ })
    expect(await reminding.getByLabel('Days since the last email').inputValue()).toBe('3')
    await reminding.getByRole('button', { name: 'Send reminders' }).click()
    await wave.getByText(/No reminders due/).waitFor()
    await shot(page, 'overview-mobile')
    await noHorizontalOverflow(page)
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  }, 120_000)
})
