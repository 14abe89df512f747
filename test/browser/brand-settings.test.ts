import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { expectFitsPhone, launchBrowser, openSignedIn, screenshotDir } from '../helpers/browser'
import { startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

beforeAll(async () => {
  server = await startNodeServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30" viewBox="0 0 90 30">' +
  '<circle cx="15" cy="15" r="13" fill="#7c2d12"/><rect x="34" y="9" width="52" height="12" fill="#111827"/></svg>'

describe('Settings: brand and languages', { timeout: 0 }, () => {
  test('an admin uploads a logo and sets a colour; a weak colour is refused with a darker one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-logo-'))
    writeFileSync(join(dir, 'logo.svg'), svg)
    writeFileSync(join(dir, 'logo.gif'), 'GIF89a not an image we take')
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      baseUrl: server.url,
      email: 'admin@example.com',
      password: 'correct horse battery',
      path: '/settings',
      errors,
    })
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Brand and languages' }),
    })
    await section.getByLabel('Organisation name').waitFor()

    // A file that is not an image is refused by what it is, not what it is called.
    await section.getByLabel('Logo').setInputFiles(join(dir, 'logo.gif'))
    await section.getByRole('alert').filter({ hasText: 'not a PNG, JPEG or SVG image' }).waitFor()
    await section.getByLabel('Logo').setInputFiles(join(dir, 'logo.svg'))
    const preview = section.getByAltText('The current logo')
    await preview.waitFor()
    // The header shows it at once, on the programme's name.
    await page.locator('.app-header .brand__logo').waitFor()

    await section.getByLabel('Organisation name').fill('Northwind Traders')
    await section.getByLabel('Colour', { exact: true }).fill('#fbbf24')
    await section.getByRole('button', { name: 'Save brand' }).click()
    const error = section.locator('#brand-primary-error')
    await expect
      .poll(() => error.textContent())
      .toMatch(/WCAG AA needs 4\.5:1 .*\(#[0-9a-f]{6} would pass\)/)
    const suggestion = /\((#[0-9a-f]{6}) would pass\)/.exec((await error.textContent())!)![1]!
    await page.screenshot({
      path: join(screenshotDir, 'settings-brand-refused-1280.png'),
      fullPage: true,
    })

    await section.getByLabel('Colour', { exact: true }).fill(suggestion)
    await section.getByLabel('Languages').fill('en, de, fr')
    await section.getByRole('button', { name: 'Save brand' }).click()
    await section.getByText('Saved. Survey pages and emails use it from now on.').waitFor()
    const header = page.locator('.app-header')
    await expect.poll(() => header.locator('.brand').textContent()).toContain('Northwind Traders')
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(suggestion.slice(i, i + 2), 16))
    await expect
      .poll(() => header.evaluate((h) => getComputedStyle(h).backgroundColor))
      .toBe(`rgb(${r}, ${g}, ${b})`)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(screenshotDir, 'settings-brand-1280.png'), fullPage: true })
    await expectFitsPhone(page, 'Settings')
    await page.screenshot({ path: join(screenshotDir, 'settings-brand-375.png'), fullPage: true })

    // On paper every dashboard page, the report included, carries the letterhead.
    const letterhead = page.locator('.print-letterhead')
    expect(await letterhead.isVisible()).toBe(false)
    await page.emulateMedia({ media: 'print' })
    await expect.poll(() => letterhead.isVisible()).toBe(true)
    await expect(letterhead.textContent()).resolves.toBe('Northwind Traders')
    await expect(
      letterhead.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth),
    ).resolves.toBe(90)
    await page.emulateMedia({ media: 'screen' })

    const api = await (await fetch(`${server.url}/api/brand`)).json()
    expect(api).toMatchObject({ organisation: 'Northwind Traders', primary: suggestion })
    expect(api.logoUrl).toMatch(/\.svg$/)
    expect(errors).toEqual([])
    await page.close()
  })
})
