import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { expectFitsPhone, launchBrowser, openSignedIn } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

const SHOTS = '/tmp/shots'
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }
const HR = { email: 'hr.surveys@example.com', password: 'lantern orbit pebble' }

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  mkdirSync(SHOTS, { recursive: true })
  server = await startNodeServer()
  browser = await launchBrowser()
  await server.csi('user', 'add', HR.email, '--role', 'hr', '--password', HR.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** What SurveyJS Creator saves, with names that do not follow the convention. */
const creatorJson = () => ({
  title: 'Customer check-up',
  pages: [
    {
      name: 'page1',
      elements: [
        {
          type: 'rating',
          name: 'q_satisfaction',
          title: 'How satisfied are you with us overall?',
          rateMin: 1,
          rateMax: 5,
        },
        {
          type: 'matrix',
          name: 'service_grid',
          title: 'How do you rate our service?',
          columns: [1, 2, 3, 4, 5],
          rows: [
            { value: 'delivery', text: 'Delivery on time' },
            { value: 'price_value', text: 'Value for money' },
          ],
        },
        {
          type: 'dropdown',
          name: 'where_from',
          title: 'Where do you buy from us?',
          choices: ['Online', 'In a shop'],
        },
      ],
    },
  ],
})

const file = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
})

/** A full-page screenshot at 1280 px, then at 375 px with nothing scrolling sideways. */
async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: join(SHOTS, `surveys-${name}-1280.png`), fullPage: true })
  await expectFitsPhone(page, name)
  // SurveyJS folds a rating into a dropdown while its box is resizing, and unfolds it after.
  const rating = page.locator('.survey-frame .sd-rating__item').first()
  if ((await page.locator('.survey-frame').count()) > 0) await rating.waitFor()
  await page.screenshot({ path: join(SHOTS, `surveys-${name}-375.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
}

const open = (who: { email: string; password: string }, path: string, errors: string[]) =>
  openSignedIn(browser, { baseUrl: server.url, ...who, path, errors })

describe('the Surveys pages in Chromium', () => {
  test('admin imports a Creator survey, maps its roles, previews, publishes version 1, then version 2', async () => {
    const errors: string[] = []
    const page = await open(ADMIN, '/surveys', errors)
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor()
    const table = page.getByRole('table', { name: 'Surveys' })
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(1)
    await shots(page, 'list')

    await page.getByRole('link', { name: 'Import a survey' }).click()
    await page.getByRole('heading', { level: 1, name: 'Import a survey' }).waitFor()
    const picker = page.getByLabel('SurveyJS JSON file')

    await picker.setInputFiles(
      file('broken.json', '{\n  "pages": [\n    { "elements": [] },\n  ]\n}'),
    )
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toBe('broken.json is not valid JSON: at line 4, column 3, unexpected “]”.')

    await picker.setInputFiles(file('customer-checkup.json', JSON.stringify(creatorJson())))
    await page.getByLabel('Audience').selectOption('customer')
    await page.getByLabel('Survey id (optional)').fill('checkup')
    const checkPanel = page.getByRole('tabpanel')
    await checkPanel.getByRole('heading', { name: 'Role: Overall satisfaction' }).waitFor()
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true)
    expect(await checkPanel.locator('.role-summary').innerText()).toContain(
      'Overall satisfaction:\nnone',
    )
    await shots(page, 'import-problems')

    // The keyboard path: the select and the checkbox are changed from the keyboard.
    await page.getByRole('button', { name: 'Map a question to overall satisfaction' }).click()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('overall')
    await page.getByLabel('Overall satisfaction').selectOption('q_satisfaction')
    const grid = checkPanel.getByRole('checkbox', { name: /service_grid/ })
    await grid.focus()
    await page.keyboard.press('Space')
    await expect.poll(() => grid.isChecked()).toBe(true)

    await page.getByText(/no problems: ready to publish/).waitFor()
    const roles = await checkPanel.locator('.role-summary').innerText()
    expect(roles).toContain('Overall satisfaction:\nq_satisfaction')
    expect(roles).toContain('Attributes:\ndelivery, price_value (from service_grid)')
    expect(roles).toContain('Segments:\nwhere_from')
    expect(await seriousViolations(page)).toEqual([])
    await shots(page, 'import')

    await page.getByRole('tab', { name: /Check/ }).focus()
    await page.keyboard.press('ArrowRight')
    await expect
      .poll(() => page.getByRole('tab', { name: 'Preview' }).getAttribute('aria-selected'))
      .toBe('true')
    const preview = page.locator('.survey-frame')
    await preview.getByText('How satisfied are you with us overall?').waitFor()
    await preview.getByText('Delivery on time').waitFor()
    await preview.getByText('Where do you buy from us?').waitFor()
    await shots(page, 'import-preview')

    await page.getByRole('button', { name: 'Publish' }).click()
    await page.waitForURL((u) => u.pathname === '/surveys/checkup')
    await page.getByRole('heading', { name: 'Published version 1' }).waitFor()
    const versions = page.getByRole('table', { name: 'Versions' })
    await versions.getByRole('row', { name: /Version 1/ }).waitFor()
    await page.locator('.survey-preview .survey-frame').getByText('Delivery on time').waitFor()
    expect(await page.locator('.role-summary').innerText()).toContain(
      'delivery, price_value (from service_grid)',
    )
    expect(await seriousViolations(page)).toEqual([])
    await shots(page, 'detail')

    // Export: the stored JSON, csiRoles included, as SurveyJS Creator opens it.
    const exported = await page.evaluate(async () => {
      const a = document.querySelector<HTMLAnchorElement>('a[href*="/export?version=1"]')!
      const res = await fetch(a.href)
      return { type: res.headers.get('content-type'), body: await res.json() }
    })
    expect(exported.type).toMatch(/^application\/json/)
    expect(exported.body.pages[0].elements.map((e: { name: string }) => e.name)).toEqual([
      'q_satisfaction',
      'service_grid',
      'where_from',
    ])

    // A wave pins version 1.
    await server.csi('wave', 'create', '--survey', 'checkup', '--name', 'Spring check-up')

    // A new version from a Creator file without csiRoles, dropped on the picker: the mapping
    // carries over.
    await page.getByRole('link', { name: 'Publish a new version' }).click()
    await page.getByRole('heading', { level: 1, name: /Publish a new version/ }).waitFor()
    const v2 = creatorJson()
    v2.pages[0]!.elements[0]!.title = 'All in all, how satisfied are you?'
    await page.locator('.file-drop').evaluate((zone, text) => {
      const files = new DataTransfer()
      files.items.add(new File([text], 'checkup-v2.json', { type: 'application/json' }))
      for (const type of ['dragover', 'drop'])
        zone.dispatchEvent(
          new DragEvent(type, { dataTransfer: files, bubbles: true, cancelable: true }),
        )
    }, JSON.stringify(v2))
    await page.getByText(/no problems: ready to publish/).waitFor()
    await page.getByRole('button', { name: 'Publish the new version' }).click()
    await page.getByRole('heading', { name: 'Published version 2' }).waitFor()
    await versions.getByRole('row', { name: /Version 2/ }).waitFor()
    await versions
      .getByRole('row', { name: /Version 1/ })
      .getByRole('link', { name: 'Spring check-up' })
      .waitFor()
    await shots(page, 'detail-versions')
    const current = page.locator('.survey-preview .survey-frame')
    await current.getByText('All in all, how satisfied are you?').waitFor()
    // The old version stays readable.
    await page.getByRole('button', { name: 'Preview version 1' }).click()
    await page.getByRole('heading', { name: 'Preview of version 1' }).waitFor()
    await current.getByText('How satisfied are you with us overall?').waitFor()

    // The same file again makes no version 3.
    await page.getByRole('link', { name: 'Publish a new version' }).click()
    await page
      .getByLabel('SurveyJS JSON file')
      .setInputFiles(file('checkup-v2.json', JSON.stringify(v2)))
    await page.getByText(/no problems: ready to publish/).waitFor()
    await page.getByRole('button', { name: 'Publish the new version' }).click()
    await page.getByRole('heading', { name: 'Nothing changed: version 2 stays current' }).waitFor()
    expect(await versions.getByRole('row').count()).toBe(3)

    await page.getByRole('link', { name: 'Surveys', exact: true }).first().click()
    const row = page.getByRole('row', { name: /Customer check-up/ })
    await row.waitFor()
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['Customer', '2']),
    )

    // The same id again: refused, with the way to a new version instead.
    await page.getByRole('link', { name: 'Import a survey' }).click()
    const json = {
      ...creatorJson(),
      csiRoles: { overall: 'q_satisfaction', attributes: ['service_grid'] },
    }
    await page
      .getByLabel('SurveyJS JSON file')
      .setInputFiles(file('again.json', JSON.stringify(json)))
    await page.getByLabel('Survey id (optional)').fill('checkup')
    await page.getByText(/no problems: ready to publish/).waitFor()
    await page.getByRole('button', { name: 'Publish' }).click()
    await page.getByText('There is already a survey “checkup”.').waitFor()
    await page.getByRole('link', { name: 'publish the file as a new version of it' }).waitFor()
    expect(errors).toEqual([])
    await page.close()
  })

  test('HR sees employee surveys only', async () => {
    const errors: string[] = []
    const page = await open(HR, '/surveys', errors)
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor()
    const table = page.getByRole('table', { name: 'Surveys' })
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(1)
    const audiences = await table.locator('tbody td[data-label="Audience"]').allInnerTexts()
    expect(audiences.length).toBeGreaterThan(0)
    expect(new Set(audiences)).toEqual(new Set(['Employee']))
    // The shipped customer template exists, but is not HR's.
    expect(await page.getByRole('link', { name: 'Customer satisfaction survey' }).count()).toBe(0)
    // Nor open one by its address.
    await page.goto(`${server.url}/surveys/customer`)
    await page.getByRole('heading', { name: 'The survey could not be loaded' }).waitFor()
    await page.getByText(/managed by managers/).waitFor()
    expect(errors).toEqual([])
    await page.close()
  })
})
