import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { expectFitsPhone, launchBrowser, openSignedIn } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html')))
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  server = await startNodeServer()
  browser = await launchBrowser()
  mkdirSync('/tmp/shots', { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The whole page at 1280 and at 375 px (failing if it scrolls sideways), then back. */
async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: join('/tmp/shots', `${name}-1280.png`), fullPage: true })
  await expectFitsPhone(page, name)
  await page.screenshot({ path: join('/tmp/shots', `${name}-375.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
}

const frame = (page: Page) => page.frameLocator('iframe[title="Email preview"]')

describe('the owners’ daily digest in Chromium', { timeout: 180_000 }, () => {
  test('the follow-up settings choose a daily digest and its hour; an owner chooses their own', async () => {
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      ...ADMIN,
      baseUrl: server.url,
      path: '/alerts',
      errors,
    })
    await page.getByText('Follow-up settings').click()
    const daily = page.getByRole('radio', { name: /A daily digest/ })
    expect(await page.getByRole('radio', { name: /One email per follow-up/ }).isChecked()).toBe(
      true,
    )
    await daily.check()
    await page.getByLabel('Digest sent from (UTC)').selectOption('16')
    await page.getByRole('button', { name: 'Save how owners hear' }).click()
    await page.getByText('Saved: owners get a daily digest from 16:00 UTC.').waitFor()
    // The admin's own follow-ups: one email each, whatever the programme says.
    const mine = page.getByLabel('Your own follow-up emails')
    await page.getByText('The programme’s choice is a daily digest from 16:00 UTC.').waitFor()
    await mine.selectOption('each')
    await page.getByRole('button', { name: 'Save your own choice' }).click()
    await page.getByText('Saved: your own choice applies to you.').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.locator('.alert-settings__digest').scrollIntoViewIfNeeded()
    await shots(page, 'digest-settings')
    for (const [width, name] of [
      [375, 'digest-settings-card-375'],
      [1280, 'digest-settings-card-1280'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 })
      for (const part of ['digest', 'mine'])
        await page
          .locator(`.alert-settings__${part}`)
          .screenshot({ path: join('/tmp/shots', `${name}-${part}.png`) })
    }

    const settings = await (await page.request.get(`${server.url}/api/alerts/settings`)).json()
    expect(settings).toMatchObject({ delivery: 'daily', digestHour: 16, mine: 'each' })
    // Read back after a reload, as saved.
    await page.reload()
    await page.getByText('Follow-up settings').click()
    await expect.poll(() => daily.isChecked()).toBe(true)
    expect(await page.getByLabel('Digest sent from (UTC)').inputValue()).toBe('16')
    expect(await mine.inputValue()).toBe('each')
    expect(errors).toEqual([])
    await page.close()
  })

  test('Messages words the digest: French preview with example follow-ups, a live edit, saved', async () => {
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      ...ADMIN,
      baseUrl: server.url,
      path: '/messages',
      errors,
    })
    // Kept once, under customers: the trade audiences do not offer it.
    await page.getByLabel('Audience').selectOption('wholesaler')
    const kinds = page.getByLabel('Email', { exact: true }).locator('option')
    await expect.poll(() => kinds.allTextContents()).not.toContain('Owners’ daily digest')
    await page.getByLabel('Audience').selectOption('customer')
    await page.getByLabel('Email', { exact: true }).selectOption({ label: 'Owners’ daily digest' })
    await page.getByLabel('Language', { exact: true }).selectOption('fr')
    await expect
      .poll(() => page.getByLabel('Subject').inputValue())
      .toBe('Vos suivis du {date}\u00a0: {count} à traiter')
    await frame(page).getByRole('link', { name: 'Alex Morgan <alex.morgan@example.com>' }).waitFor()
    await frame(page).getByText('Satisfaction globale\u00a0: 2 sur 5').first().waitFor()
    await frame(page).getByRole('link', { name: 'Ouvrir vos suivis' }).waitFor()
    expect(await frame(page).locator('ol > li').count()).toBe(3)

    await page.getByLabel('Button').fill('Voir mes suivis')
    await frame(page).getByRole('link', { name: 'Voir mes suivis' }).waitFor()
    await page.getByRole('button', { name: 'Save' }).click()
    await page
      .getByRole('status')
      .getByText(/^Saved/)
      .waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shots(page, 'digest-messages-french')
    await page.setViewportSize({ width: 375, height: 800 })
    await frame(page).locator('ol').waitFor()
    await page
      .locator('.message-workbench__preview')
      .screenshot({ path: join('/tmp/shots', 'digest-preview-375.png') })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page
      .locator('.message-workbench__preview')
      .screenshot({ path: join('/tmp/shots', 'digest-preview-1280.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  test('a follow-up raised in digest mode says its owner hears of it in the next digest', async () => {
    // Daily since the first test (the admin chose one email each for their own, not this owner's).
    const wave = JSON.parse(
      await server.csi(
        'wave',
        'create',
        '--survey',
        'customer',
        '--name',
        'Key accounts',
        '--json',
      ),
    ).id as string
    const dir = mkdtempSync(join(tmpdir(), 'csi-digest-'))
    writeFileSync(
      join(dir, 'contacts.csv'),
      'email,name,owner\nmaria@acme.example,María López,owner@acme.example\n',
    )
    await server.csi('contacts', 'import', join(dir, 'contacts.csv'), '--wave', wave)
    writeFileSync(join(dir, 'answers.csv'), 'respondent,overall,rebuy\nmaria@acme.example,1,3\n')
    await server.csi('responses', 'import', join(dir, 'answers.csv'), '--wave', wave)
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      ...ADMIN,
      baseUrl: server.url,
      path: `/alerts?wave=${wave}`,
      errors,
    })
    await page.getByRole('link', { name: 'María López' }).click()
    await page.getByRole('heading', { level: 1, name: 'María López' }).waitFor()
    await page.getByText('(to be told in the next daily digest)').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shots(page, 'digest-alert-waiting')
    expect(errors).toEqual([])
    await page.close()
  })
})
