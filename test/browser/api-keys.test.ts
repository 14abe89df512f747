import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { expectFitsPhone, launchBrowser, screenshotDir, signInToOverview } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html')))
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  server = await startNodeServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.screenshot({ path: join(screenshotDir, `${name}-1280.png`), fullPage: true })
  await expectFitsPhone(page, name)
  await page.screenshot({ path: join(screenshotDir, `${name}-375.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })
}

const me = (key: string) =>
  fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${key}` } })

describe('API keys and webhooks pages in Chromium', () => {
  test('admin creates a key (shown once), the key works as its role, revoking stops it', async () => {
    // axe is injected as an inline script, which the app's CSP rightly refuses.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await signInToOverview(page, server.url, 'admin@example.com', 'correct horse battery')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'API keys' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor()
    await page.getByText('No keys yet').waitFor()

    // Client-side check names the field and focuses it.
    await page.getByRole('button', { name: 'Create key' }).click()
    await page.getByText('Name the key after what uses it').waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('key-name')

    await page.getByLabel('Name').fill('CRM')
    await page.getByLabel('Role', { exact: true }).selectOption('manager')
    await page.getByLabel(/Expires after/).fill('90')
    await page.getByRole('button', { name: 'Create key' }).click()
    const secret = page.locator('.apikeys-secret')
    await secret.waitFor()
    const key = (await secret.textContent())!.trim()
    expect(key).toMatch(/^csi_/)
    await page.getByRole('table').getByRole('rowheader', { name: /CRM/ }).waitFor()
    await shots(page, 'api-keys-created')

    const who = await me(key)
    expect(who.status).toBe(200)
    expect(await who.json()).toMatchObject({ user: { role: 'manager' } })

    // Listed without the key, with its last use, after a reload.
    await page.reload()
    const row = page.getByRole('row', { name: /CRM/ })
    await row.waitFor()
    expect(await page.content()).not.toContain(key)
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).not.toBe('Never')
    expect(await seriousViolations(page)).toEqual([])
    await shots(page, 'api-keys-list')

    page.once('dialog', (d) => void d.accept())
    await row.getByRole('button', { name: /Revoke/ }).click()
    await page.getByRole('status').getByText('Key “CRM” was revoked.').waitFor()
    await row.getByText(/Revoked/).waitFor()
    expect((await me(key)).status).toBe(401)
    expect(errors).toEqual([])
    await context.close()
  })

  test('admin adds a webhook (secret shown once), sees its deliveries, removes it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await signInToOverview(page, server.url, 'admin@example.com', 'correct horse battery')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Webhooks' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor()
    await page.getByRole('button', { name: 'Add webhook' }).click()
    await page.getByText('An http or https URL').waitFor()
    await page.getByLabel('URL').fill('https://crm.example.com/csi')
    await page.getByLabel('alert.opened').check()
    await page.getByRole('button', { name: 'Add webhook' }).click()
    const secret = page.locator('.apikeys-secret')
    await secret.waitFor()
    const signing = (await secret.textContent())!.trim()
    expect(signing).toMatch(/^whsec_/)
    // The same Copy button as a new API key's: the clipboard then holds the secret itself.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.getByText('Copied to the clipboard.').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(signing)
    await page.getByRole('heading', { level: 3, name: 'https://crm.example.com/csi' }).waitFor()
    await page.getByRole('button', { name: 'Show deliveries' }).click()
    await page.getByText('No deliveries yet.').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shots(page, 'webhooks')
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: 'Remove' }).click()
    await page.getByText('No webhooks yet').waitFor()
    expect(errors).toEqual([])
    await context.close()
  })
})
