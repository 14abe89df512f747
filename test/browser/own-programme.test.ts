import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { answerSurvey } from '../helpers/answer-survey'
import { expectFitsPhone, launchBrowser, openSignedIn, screenshotDir } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

// A company's own programme, end to end through the dashboard and the respondent page: the
// catalogue drops one shipped attribute and adds one of its own, the customer and employee
// surveys are built from it and published, waves run on them, people answer in Chromium, and
// the report and the perception gaps show the new attribute (and not the dropped one).

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }
const DROPPED = {
  key: 'order_accuracy',
  label: 'Accuracy of orders (right items, right quantities)',
}
const ADDED = { key: 'invoice_accuracy', label: 'Invoice accuracy' }

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

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: join(screenshotDir, `${name}-1280.png`), fullPage: true })
  await expectFitsPhone(page, name)
  await page.screenshot({ path: join(screenshotDir, `${name}-375.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Builds one audience's survey from the saved catalogue and publishes it as version 2. */
async function buildAndPublish(page: Page, region: string, audience: string) {
  const box = page.getByRole('region', { name: region })
  await box.getByRole('button', { name: `Build the ${audience} survey` }).click()
  await box.getByRole('heading', { name: 'Changes against version 1' }).waitFor()
  await box.getByText(new RegExp(`Added:\\s*${ADDED.key}`)).waitFor()
  await box.getByText(new RegExp(`Dropped:\\s*${DROPPED.key}`)).waitFor()
  await box.getByRole('button', { name: 'Publish as version 2' }).click()
  const dialog = page.getByRole('dialog', { name: `Publish the ${audience} survey?` })
  await dialog.getByRole('button', { name: 'Publish version 2' }).click()
  await box.getByRole('status').getByText(`is now at version 2`, { exact: false }).waitFor()
}

/**
 * Creates a wave with a public link through the wave dialog, opened from the Overview or from
 * the survey's own page (`from`), and returns its id and link.
 */
async function createOpenWave(
  page: Page,
  surveyLabel: string,
  name: string,
  from: { overview: true } | { survey: string },
) {
  if ('overview' in from) {
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
    await page.getByRole('button', { name: 'Create wave' }).first().click()
  } else {
    await page.goto(`${server.url}/surveys/${from.survey}`)
    await page.getByRole('button', { name: 'Create a wave' }).click()
  }
  const dialog = page.getByRole('dialog', { name: 'Create a wave' })
  const survey = dialog.getByLabel('Survey')
  await expect.poll(() => survey.locator('option').allTextContents()).toContain(surveyLabel)
  await survey.selectOption({ label: surveyLabel })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByLabel(/public link/i).check()
  await dialog.getByRole('button', { name: 'Create wave' }).click()
  const done = page.getByRole('dialog', { name: 'Wave created' })
  const link = await done.getByLabel('Public link').inputValue()
  await done.getByRole('button', { name: 'Done' }).click()
  if ('survey' in from)
    await page.getByRole('status').getByText(`Created “${name}” on version 2.`).waitFor()
  const waves = (await (await page.request.get(`${server.url}/api/waves`)).json()) as {
    waves: { id: string; name: string }[]
  }
  return { id: waves.waves.find((w) => w.name === name)!.id, link }
}

async function answerOpenLink(link: string, overall: number, rest: number) {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } })
  await page.goto(link)
  await page.locator('.sd-question[data-name]').first().waitFor()
  await answerSurvey(page, overall, rest)
  await page.close()
}

type Report = {
  groups: {
    audience: string
    segment: unknown
    attributes: { key: string; n: number; mean: number }[]
  }[]
  gaps?: {
    key: string
    nA: number
    nB: number
    meanA: number
    meanB: number
    gap: number
    t: number
    df: number
  }[]
}
const customerAttributes = (r: Report) =>
  r.groups.find((g) => g.audience === 'customer' && g.segment === null)!.attributes

describe('a programme of its own, end to end in Chromium', { timeout: 0 }, () => {
  test('catalogue → surveys → waves → answers → report and gaps on the new attribute', async () => {
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      baseUrl: server.url,
      ...ADMIN,
      path: '/catalogue',
      errors,
    })
    await page.getByRole('heading', { level: 1, name: 'Attribute catalogue' }).waitFor()

    // One attribute dropped, one added (rated by customers and, mirrored, by staff).
    await page.getByRole('button', { name: `Remove ${DROPPED.label}` }).click()
    await page.getByRole('button', { name: 'Add an item' }).click()
    const fresh = page.getByRole('listitem', { name: /^Item \d+: item \d+$/ })
    await fresh.getByLabel('Label').fill(ADDED.label)
    const added = page.getByRole('listitem', { name: new RegExp(`${ADDED.label}$`) })
    await expect.poll(() => added.getByLabel('Key').inputValue()).toBe(ADDED.key)
    for (const audience of ['Customers', 'Employees'])
      await added.getByRole('checkbox', { name: audience }).check()
    for (const audience of ['Wholesalers', 'Retailers'])
      await added.getByRole('checkbox', { name: audience }).uncheck()
    await page.getByRole('button', { name: 'Save catalogue' }).click()
    await page
      .getByRole('status')
      .getByText(/^Saved: \d+ items\.$/)
      .waitFor()

    await buildAndPublish(page, 'Customers', 'customer')
    await buildAndPublish(page, 'Employees', 'employee')

    // The Surveys page lists both at version 2; the new attribute is among the customer roles.
    await page.goto(`${server.url}/surveys/customer`)
    await page.getByText('Published', { exact: false }).first().waitFor()
    await expect.poll(() => page.locator('main').textContent()).toContain(ADDED.key)
    await shots(page, 'programme-survey')

    // Staff results are released at close; k = 3 lets three staff answers make a result.
    const k = await page.request.put(`${server.url}/api/settings/anonymity`, {
      data: { minGroup: 3, minComments: 3 },
      headers: { Origin: server.url },
    })
    expect(k.status()).toBe(200)

    const customers = await createOpenWave(
      page,
      'Customer satisfaction survey · Customers · version 2',
      'Own programme customers',
      { overview: true },
    )
    const staff = await createOpenWave(
      page,
      'Employee survey: how we serve our customers · Employees · version 2',
      'Own programme staff',
      // From the survey's own page, where it was just published.
      { survey: 'employee' },
    )
    // Customers rate every attribute 2, 3, 2; staff think customers rate us 4, 5, 4.
    for (const [overall, rest] of [
      [2, 2],
      [3, 3],
      [2, 2],
    ])
      await answerOpenLink(customers.link, overall!, rest!)
    for (const [overall, rest] of [
      [4, 4],
      [5, 5],
      [4, 4],
    ])
      await answerOpenLink(staff.link, overall!, rest!)

    const closed = await page.request.post(`${server.url}/api/waves/${staff.id}/close`, {
      data: {},
      headers: { Origin: server.url },
    })
    expect(closed.status()).toBe(200)

    // The customer report: the new attribute is rated (mean 7/3), the dropped one is gone, on
    // the page as in the API.
    const report = (await (
      await page.request.get(`${server.url}/api/waves/${customers.id}/report`)
    ).json()) as Report
    const invoice = customerAttributes(report).find((a) => a.key === ADDED.key)
    expect(invoice).toMatchObject({ key: ADDED.key, n: 3 })
    expect(invoice!.mean).toBeCloseTo(7 / 3, 12)
    expect(customerAttributes(report).some((a) => a.key === DROPPED.key)).toBe(false)
    await page.goto(`${server.url}/waves/${customers.id}`)
    const rows = page.locator('.attribute-table tbody th[scope=row]')
    await expect.poll(() => rows.allTextContents()).toContain(ADDED.label)
    expect(await rows.allTextContents()).not.toContain(DROPPED.label)
    await shots(page, 'programme-report')

    // The perception gaps of the closed staff wave against the customers line up on the new key.
    const gaps = (await (
      await page.request.get(
        `${server.url}/api/waves/${staff.id}/report?with=${customers.id}&compare=employee:customer`,
      )
    ).json()) as Report
    const gap = gaps.gaps!.find((g) => g.key === ADDED.key)
    expect(gap).toMatchObject({ nA: 3, nB: 3 })
    // Staff 13/3 against customers 7/3: a gap of exactly 2 points; Welch's t with both
    // variances 1/3 is 2 / sqrt(2/9) = 3·sqrt(2), on 4 degrees of freedom.
    expect(gap!.meanA).toBeCloseTo(13 / 3, 12)
    expect(gap!.meanB).toBeCloseTo(7 / 3, 12)
    expect(gap!.gap).toBeCloseTo(2, 12)
    expect(gap!.t).toBeCloseTo(3 * Math.SQRT2, 9)
    expect(gap!.df).toBeCloseTo(4, 9)
    expect(gaps.gaps!.some((g) => g.key === DROPPED.key)).toBe(false)
    await page.goto(`${server.url}/waves/${staff.id}/gaps?with=${customers.id}`)
    const gapRow = page.locator(`.gaps-table tr[data-key="${ADDED.key}"]`)
    await gapRow.waitFor()
    expect(await gapRow.textContent()).toContain(ADDED.label)
    await shots(page, 'programme-gaps')
    expect(errors).toEqual([])
  })
})
