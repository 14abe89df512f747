import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { expectFitsPhone, launchBrowser, openSignedIn, screenshotDir } from '../helpers/browser'
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
const ORDERS = 'Accuracy of orders (right items, right quantities)'

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: join(screenshotDir, `${name}-1280.png`), fullPage: true })
  await expectFitsPhone(page, name)
  await page.screenshot({ path: join(screenshotDir, `${name}-375.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
}

const focused = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id,
  )

describe('attribute catalogue page in Chromium', () => {
  test('add an attribute, drop one, save, build the customer survey, publish it', async () => {
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      baseUrl: server.url,
      ...ADMIN,
      path: '/catalogue',
      errors,
    })
    await page.getByRole('heading', { level: 1, name: 'Attribute catalogue' }).waitFor()
    await page.getByText('This is the starter catalogue').waitFor()
    await shots(page, 'catalogue-starter')

    // At a desktop width the items are a table: one short row each under column heads.
    await page.locator('.catalogue-columns').waitFor()
    const heights = await page
      .locator('.catalogue-item')
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height))
    expect(heights).toHaveLength(19)
    expect(Math.max(...heights)).toBeLessThanOrEqual(100)
    expect([...heights].sort((a, b) => a - b)[9]).toBeLessThanOrEqual(70)
    expect(await page.getByRole('listitem', { name: `Item 3: ${ORDERS}` }).count()).toBe(1)

    await page.getByRole('button', { name: `Remove ${ORDERS}` }).click()
    await page.getByRole('status').getByText(`Removed ${ORDERS}`).waitFor()

    // A new item: saving it blank names the field and puts the focus on it.
    await page.getByRole('button', { name: 'Add an item' }).click()
    await page.getByRole('button', { name: 'Save catalogue' }).click()
    const item = page.getByRole('listitem', { name: /^Item \d+: item \d+$/ })
    await item.getByText('needs a label').waitFor()
    await page.getByText(/Nothing was saved: one item needs a fix/).waitFor()
    const label = item.getByLabel('Label')
    await expect.poll(() => label.evaluate((el) => el === document.activeElement)).toBe(true)

    await label.fill('Invoice accuracy')
    const added = page.getByRole('listitem', { name: /Invoice accuracy$/ })
    await expect.poll(() => added.getByLabel('Key').inputValue()).toBe('invoice_accuracy')
    expect(await added.getByText('needs a label').count()).toBe(0)
    expect(await added.getByLabel('Label').getAttribute('aria-invalid')).toBeNull()
    await added.getByLabel(/Description/).fill('Invoices match the order and the agreed prices')
    await added.getByRole('checkbox', { name: 'Wholesalers' }).uncheck()

    // Keyboard path: Enter on "Move up" moves the item and keeps the focus on that button.
    const up = page.getByRole('button', { name: 'Move Invoice accuracy up' })
    await up.focus()
    await page.keyboard.press('Enter')
    await page
      .getByRole('status')
      .getByText(/Moved Invoice accuracy to position/)
      .waitFor()
    expect(await focused(page)).toBe('Move Invoice accuracy up')
    const names = await page.locator('.catalogue-item h3').allTextContents()
    const at = names.findIndex((n) => n.endsWith('Invoice accuracy'))
    expect(names[at + 1]).toMatch(/Item \d+: /)
    expect(names.some((n) => n.includes(ORDERS))).toBe(false)

    await page.getByText('Unsaved changes', { exact: true }).waitFor()
    const customers = page.getByRole('region', { name: 'Customers' })

    // "Ask how important…" starts as each survey's current version has it, and sends no flag
    // until it is touched, so the server follows that version too.
    for (const [region, id] of [
      ['Customers', 'customer'],
      ['Wholesalers', 'wholesaler'],
    ] as const) {
      const detail = await (await page.request.get(`${server.url}/api/surveys/${id}`)).json()
      const box = page.getByRole('region', { name: region })
      await box.getByText('As version 1 does.').waitFor()
      const asks = box.getByRole('checkbox', { name: 'Ask how important each attribute is' })
      expect(await asks.isChecked()).toBe(detail.roles.importance.length > 0)
    }
    const builds: unknown[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/api/catalogue/build')) builds.push(r.postDataJSON())
    })
    const buildCustomers = customers.getByRole('button', { name: 'Build the customer survey' })
    expect(await buildCustomers.isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Save catalogue' }).click()
    await page
      .getByRole('status')
      .getByText(/^Saved: \d+ items\.$/)
      .waitFor()
    await expect.poll(() => page.getByText('Unsaved changes', { exact: true }).count()).toBe(0)
    await buildCustomers.click()
    await customers.getByRole('heading', { name: 'Changes against version 1' }).waitFor()
    expect(builds).toEqual([{ audience: 'customer' }])
    await customers.getByText(/Added:\s*invoice_accuracy/).waitFor()
    await customers.getByText(/Dropped:\s*order_accuracy/).waitFor()
    await customers.getByText('Preview the questions').click()
    await customers.getByText('How likely are you to buy from us again?').waitFor()
    expect(await customers.locator('.catalogue-outline').textContent()).toContain(
      'Invoice accuracy',
    )
    await shots(page, 'catalogue-built')

    await customers.getByRole('button', { name: 'Publish as version 2' }).click()
    const dialog = page.getByRole('dialog', { name: 'Publish the customer survey?' })
    expect(await seriousViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Publish version 2' }).click()
    await customers
      .getByRole('status')
      .getByText('Published: survey “customer” is now at version 2.', { exact: false })
      .waitFor()

    // The stored version: building again changes nothing against version 2.
    const again = await page.request.post(`${server.url}/api/catalogue/build`, {
      data: { audience: 'customer', importance: true },
      headers: { Origin: server.url },
    })
    expect(again.status()).toBe(200)
    const body = await again.json()
    expect(body.current.version).toBe(2)
    expect(body.changes).toEqual({ added: [], dropped: [] })
    const rows = body.definition.pages
      .flatMap(
        (p: { elements: Array<{ name: string; rows?: Array<{ value: string }> }> }) => p.elements,
      )
      .find((q: { name: string }) => q.name === 'attributes')
      .rows.map((r: { value: string }) => r.value)
    expect(rows).toContain('invoice_accuracy')
    expect(rows).not.toContain('order_accuracy')

    await shots(page, 'catalogue')
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
  })

  test('HR reads the catalogue and builds only the employee survey, with its own areas', async () => {
    const admin = await browser.newPage()
    await admin.goto(`${server.url}/sign-in`)
    const created = await admin.request.post(`${server.url}/api/auth/sign-in/email`, {
      data: ADMIN,
      headers: { Origin: server.url },
    })
    expect(created.status()).toBe(200)
    const hr = { email: 'hr.catalogue@example.com', password: 'tulip harbour ledger' }
    const added = await admin.request.post(`${server.url}/api/users`, {
      data: { ...hr, role: 'hr' },
      headers: { Origin: server.url },
    })
    expect(added.status()).toBe(201)
    await admin.close()

    const errors: string[] = []
    const page = await openSignedIn(browser, {
      baseUrl: server.url,
      ...hr,
      path: '/catalogue',
      errors,
    })
    await page.getByRole('heading', { level: 1, name: 'Attribute catalogue' }).waitFor()
    const table = page.getByRole('table')
    await table.getByRole('cell', { name: 'product_quality' }).waitFor()
    expect(await page.getByRole('button', { name: 'Save catalogue' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /^Build the / }).allTextContents()).toEqual([
      'Build the employee survey',
    ])

    const employees = page.getByRole('region', { name: 'Employees' })
    await employees.getByLabel('Areas people work in (one per line)').fill('Field sales\nWarehouse')
    const asks = employees.getByRole('checkbox', { name: 'Ask how important each attribute is' })
    await employees.getByText('As version 1 does.').waitFor()
    const had = await asks.isChecked()
    await asks.setChecked(!had)
    await employees.getByText('Your choice for this build.').waitFor()
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/catalogue/build'))
    await employees.getByRole('button', { name: 'Build the employee survey' }).click()
    expect((await sent).postDataJSON()).toEqual({
      audience: 'employee',
      importance: !had,
      departments: ['Field sales', 'Warehouse'],
    })
    await employees.getByRole('heading', { name: 'Changes against version 1' }).waitFor()
    await employees.getByText('Preview the questions').click()
    await employees.getByText(/One of: Field sales, Warehouse, Prefer not to say/).waitFor()
    await employees
      .getByText('How do you think our customers rate us on each of the following?')
      .waitFor()
    await shots(page, 'catalogue-hr')
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
  })

  test('a CSV imports from the file input: bad rows are listed by row, a good file replaces all', async () => {
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      baseUrl: server.url,
      ...ADMIN,
      path: '/catalogue',
      errors,
    })
    await page.getByRole('heading', { level: 1, name: 'Attribute catalogue' }).waitFor()
    const download = await page.request.get(`${server.url}/api/catalogue/csv`)
    expect(download.status()).toBe(200)
    const csv = await download.text()
    expect(csv).toContain('price_value,attribute,Value for money,')

    const input = page.getByLabel('Import a CSV')
    const bad = 'key,label,customer,wholesaler,retailer,employee\nSpeed,Speed,yes,,,\nok,,yes,,,\n'
    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' })
    await alert.getByText('Row 2, key: must be lower_snake_case', { exact: false }).waitFor()
    await alert.getByText('Row 3, label: needs a label').waitFor()

    const good = csv.replace('Value for money', 'Value for the price paid')
    await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await page
      .getByRole('status')
      .getByText(/^Imported \d+ items from good\.csv; they are saved\.$/)
      .waitFor()
    expect(await page.getByRole('listitem', { name: /Value for the price paid$/ }).count()).toBe(1)
    const after = await (await page.request.get(`${server.url}/api/catalogue`)).json()
    expect(after.items.find((i: { key: string }) => i.key === 'price_value').label).toBe(
      'Value for the price paid',
    )
    expect(errors).toEqual([])
  })
})
