import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { launchBrowser, screenshotDir, signInToOverview, expectFitsPhone } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  server = await startNodeServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }
const MANAGER = 'new.manager@example.com'
const NEW_PASSWORD = 'lantern orbit pebble'

/** A full-page screenshot at 1280 px, then the same page at 375 px, with no sideways scroll. */
async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.screenshot({ path: join(screenshotDir, `${name}-1280.png`), fullPage: true })
  await expectFitsPhone(page, name)
  await page.screenshot({ path: join(screenshotDir, `${name}-375.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })
}

async function signIn(page: Page, email: string, password: string) {
  await signInToOverview(page, server.url, email, password)
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

async function apiSignIn(email: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ email, password }),
  })
  return res.status
}

describe('users and account pages in Chromium', () => {
  test('admin adds a manager; the manager signs in with the shown password, changes it, cannot open Users', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const page = await context.newPage()
    await signIn(page, ADMIN.email, ADMIN.password)

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Users' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor()
    const table = page.getByRole('table')
    await table.getByRole('rowheader', { name: /admin@example\.com/ }).waitFor()
    await shots(page, 'account-users')

    // Client-side check first: a malformed email, focus on it.
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByRole('button', { name: 'Add user' }).click()
    await page.getByText('“not-an-email” is not an email address.').waitFor()
    expect(await focusedId(page)).toBe('add-email')

    await page.getByLabel('Email').fill(MANAGER)
    await page.getByLabel('Role', { exact: true }).selectOption('manager')
    await expect
      .poll(() => page.locator('#add-role-hint').textContent())
      .toMatch(/Customer and intermediary/)
    await page.getByRole('button', { name: 'Add user' }).click()
    const secret = page.locator('.users-secret__value')
    await secret.waitFor()
    const password = (await secret.textContent())!.trim()
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/)
    await table.getByRole('rowheader', { name: MANAGER }).waitFor()
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.getByText('Copied to the clipboard.').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password)
    await shots(page, 'account-users-created')

    // The same email again: a 409 shown on the email field.
    await page.getByRole('button', { name: 'Add another user' }).click()
    await page.getByLabel('Email').fill(MANAGER.toUpperCase())
    await page.getByRole('button', { name: 'Add user' }).click()
    await page.getByText(`A user ${MANAGER} already exists`).waitFor()
    expect(await focusedId(page)).toBe('add-email')

    // Five wrong passwords lock the manager out; the table says so, and the admin ends it.
    for (let i = 0; i < 5; i++) expect(await apiSignIn(MANAGER, `wrong ${i}`)).toBe(401)
    await page.reload()
    await page.getByText(/Locked out until/).waitFor()
    await shots(page, 'account-users-locked')
    await page.getByRole('button', { name: `End lockout of ${MANAGER}` }).click()
    await page.getByText(`${MANAGER} can sign in again.`).waitFor()
    await expect.poll(() => page.getByText(/Locked out until/).count()).toBe(0)

    // The only admin cannot step down: the server's reason, in the row's panel.
    await page.getByRole('button', { name: `Change role of ${ADMIN.email}` }).click()
    await page.getByLabel(`New role for ${ADMIN.email}`).selectOption('hr')
    await page.getByText('This is you').waitFor()
    await page.getByRole('button', { name: 'Make HR' }).click()
    await page.getByRole('alert').filter({ hasText: 'This is the only admin' }).waitFor()
    await shots(page, 'account-users-last-admin')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(`Change role of ${ADMIN.email}`)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()

    // The manager, with the password shown once.
    await signIn(page, MANAGER, password)
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Users' })
        .count(),
    ).toBe(0)
    await page.getByRole('link', { name: /Your account/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
    const main = page.locator('main')
    expect(await main.textContent()).toContain(MANAGER)
    expect(await main.textContent()).toMatch(/Customer, wholesaler and retailer waves/)
    expect(await page.getByLabel('Current password').getAttribute('autocomplete')).toBe(
      'current-password',
    )
    expect(
      await page.getByLabel('New password', { exact: true }).getAttribute('autocomplete'),
    ).toBe('new-password')
    await shots(page, 'account-page')

    // Keyboard only: current, new, a confirm that differs, Enter → focus on the confirm error.
    await page.getByLabel('Current password').focus()
    await page.keyboard.type(password)
    await page.keyboard.press('Tab')
    await page.keyboard.type(NEW_PASSWORD)
    await page.keyboard.press('Tab')
    await page.keyboard.type('something else')
    await page.keyboard.press('Enter')
    await page.getByText('This does not match the new password').waitFor()
    expect(await focusedId(page)).toBe('confirm')
    await shots(page, 'account-page-mismatch')

    // Too short, checked before sending.
    await page.getByLabel('New password', { exact: true }).fill('short')
    await page.getByLabel('Confirm new password').fill('short')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('Use at least 8 characters').waitFor()
    expect(await focusedId(page)).toBe('newPassword')

    // A wrong current password: the server says so, on that field.
    await page.getByLabel('Current password').fill('not my password')
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('That is not your current password').waitFor()
    expect(await focusedId(page)).toBe('currentPassword')

    await page.getByLabel('Current password').fill(password)
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByRole('heading', { name: 'Your password was changed' }).waitFor()
    expect(await page.getByLabel('Current password').inputValue()).toBe('')
    await shots(page, 'account-page-changed')
    expect(await apiSignIn(MANAGER, password)).toBe(401)
    expect(await apiSignIn(MANAGER, NEW_PASSWORD)).toBe(200)

    // Still signed in here (the new session replaced the old), and Users is closed.
    await page.goto(`${server.url}/users`)
    await page.getByRole('heading', { level: 1, name: 'Only admins can manage users' }).waitFor()
    expect(await page.evaluate(() => fetch('/api/users').then((r) => r.status))).toBe(403)
    await shots(page, 'account-users-forbidden')
    await context.close()
  })
})

describe('users page: role change and removal', () => {
  test('admin makes a user HR after confirming, then removes them; no serious axe findings', async () => {
    await server.csi(
      'user',
      'add',
      'pat@example.com',
      '--role',
      'manager',
      '--password',
      'pat password 1',
    )
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await signIn(page, ADMIN.email, ADMIN.password)
    await page.goto(`${server.url}/users`)
    const row = page.locator('tr', {
      has: page.getByRole('rowheader', { name: 'pat@example.com' }),
    })
    await row.waitFor()

    await page.getByRole('button', { name: 'Change role of pat@example.com' }).click()
    // Opening the panel changes nothing yet.
    expect(await row.locator('.badge').textContent()).toBe('Manager')
    expect(await focusedId(page)).toMatch(/^role-/)
    await page.getByLabel('New role for pat@example.com').selectOption('hr')
    await page.getByText('HR sees: Employee waves and perception gaps').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Make HR' }).click()
    await page.getByText('pat@example.com is now HR.').waitFor()
    await expect.poll(() => row.locator('.badge').textContent()).toBe('HR')

    await page.getByRole('button', { name: 'Remove pat@example.com' }).click()
    await page.getByText('Remove pat@example.com?').waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await shots(page, 'account-users-remove')
    await page.setViewportSize({ width: 375, height: 812 })
    expect(await seriousViolations(page)).toEqual([])
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: 'Remove user' }).click()
    await page.getByText('pat@example.com was removed.').waitFor()
    await expect.poll(() => row.count()).toBe(0)
    expect(await apiSignIn('pat@example.com', 'pat password 1')).toBe(401)

    await page.goto(`${server.url}/account`)
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })
})
