import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { launchBrowser, screenshotDir, expectFitsPhone, openSignedIn } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
let wave: string
const PASSWORD = 'correct horse battery'
const HR = 'hr@example.com'
const pageErrors: string[] = []
const shots = process.env.SHOTS_DIR ?? screenshotDir

const attributes = [
  'product_quality',
  'delivery_reliability',
  'order_accuracy',
  'technical_support',
  'price_value',
  'ease_of_ordering',
  'complaint_handling',
  'sales_support',
]

/**
 * Twelve staff, six in sales and six in operations. Pride: sales 5 4 4 3 5 2, operations
 * 3 4 5 3 4 5. Training: the six in sales and two in operations, so operations is withheld
 * (2 < 5) and sales with it (else 8 − 6 gives operations away). Tools: two answers, withheld
 * everywhere. Teamwork: nobody.
 */
function staffCsv() {
  const pride = { sales: [5, 4, 4, 3, 5, 2], operations: [3, 4, 5, 3, 4, 5] }
  const header = ['audience', 'overall', ...attributes, 'pride', 'training', 'tools', 'department']
  const rows = (['sales', 'operations'] as const).flatMap((dept) =>
    pride[dept].map((p, i) => {
      const training = dept === 'sales' || i < 2 ? '4' : ''
      const tools = dept === 'sales' && i < 2 ? '2' : ''
      return ['employee', '4', ...attributes.map(() => '4'), p, training, tools, dept].join(',')
    }),
  )
  const file = join(mkdtempSync(join(tmpdir(), 'csi-attitude-')), 'responses.csv')
  writeFileSync(file, [header.join(','), ...rows].join('\n'))
  return file
}

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  mkdirSync(shots, { recursive: true })
  server = await startNodeServer()
  await server.csi('user', 'add', HR, '--role', 'hr', '--password', PASSWORD)
  const out = await server.csi(
    'wave',
    'create',
    '--survey',
    'employee',
    '--name',
    'Attitude pulse',
    '--json',
  )
  wave = (JSON.parse(out) as { id: string }).id
  await server.csi('responses', 'import', staffCsv(), '--wave', wave)
  // Closing releases every answer: the table then withholds the small items itself.
  await server.csi('wave', 'close', wave)
  browser = await launchBrowser()
})

afterEach(() => {
  expect(pageErrors).toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const openAs = (email: string, path: string) =>
  openSignedIn(browser, {
    baseUrl: server.url,
    email,
    password: PASSWORD,
    path,
    errors: pageErrors,
  })

/** The section at 1280 px and 375 px (where nothing may scroll sideways), printed, then axe. */
async function check(page: Page, name: string) {
  const section = page.locator('.attitude')
  await page.screenshot({ path: join(shots, `${name}-page-1280.png`), fullPage: true })
  await section.screenshot({ path: join(shots, `${name}-1280.png`) })
  await expectFitsPhone(page, name)
  await section.screenshot({ path: join(shots, `${name}-375.png`) })
  // Print styles at about the width of A4 between margins (182 mm).
  await page.setViewportSize({ width: 690, height: 900 })
  await page.emulateMedia({ media: 'print' })
  await section.screenshot({ path: join(shots, `${name}-print.png`) })
  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 1280, height: 900 })
  expect(await seriousViolations(page)).toEqual([])
}

const rowOf = (page: Page, table: string, statement: string) =>
  page
    .getByRole('region', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: statement }) })

const cells = (page: Page, table: string, statement: string) =>
  rowOf(page, table, statement).getByRole('cell').allTextContents()

describe('the HR staff attitude table in Chromium', () => {
  test('all staff: figures from the release, a small item withheld, an unanswered one said', async () => {
    const page = await openAs(HR, `/waves/${wave}`)
    const section = page.getByRole('region', { name: 'Staff attitude' })
    await section.waitFor()
    expect(await section.locator('.section-intro').textContent()).toContain(
      'fewer than 5 staff in a group is withheld',
    )
    expect(await section.locator('caption').count()).toBe(1)
    // 47/12 = 3.917; s² = (12·195 − 47²)/132 = 131/132, t(0.975, 11) = 2.2010 → ±0.633;
    // /10 = 7.29 (adequate: 7 to under 8); top-2 8 of 12, Wilson 39.1% to 86.2%.
    expect(await cells(page, 'All staff', 'I am proud to work for this company')).toEqual([
      '12',
      '3.92 3.28–4.55',
      '7.3 Adequate',
      '67% 39–86%',
    ])
    expect(await cells(page, 'All staff', 'I have had the training')).toContain('8')
    const tools = await cells(page, 'All staff', 'I have the tools and information')
    expect(tools).toEqual(['Withheld to protect anonymity: fewer than 5 staff answered it.'])
    expect(await cells(page, 'All staff', 'Other teams help me')).toEqual([
      '0',
      '– Nobody answered',
    ])
    await check(page, 'hr-attitude-all')
    await page.close()
  })

  test('by department: a table each, withheld where subtraction would tell', async () => {
    const page = await openAs(HR, `/waves/${wave}?by=department`)
    const section = page.getByRole('region', { name: 'Staff attitude' })
    await section.getByRole('heading', { name: 'By department' }).waitFor()
    const sales = 'Sales and account management'
    const ops = 'Operations, warehouse and logistics'
    expect(await section.locator('h4').allTextContents()).toEqual([ops, sales])
    // Sales: 23/6 = 3.83, s² = 41/30, t(0.975, 5) = 2.5706 → ±1.227; top-2 4 of 6, 30.0–90.3%.
    expect(await cells(page, sales, 'I am proud to work for this company')).toEqual([
      '6',
      '3.83 2.61–5.06',
      '7.1 Adequate',
      '67% 30–90%',
    ])
    for (const dept of [sales, ops])
      expect((await cells(page, dept, 'I have had the training'))[0]).toMatch(
        /^Withheld to protect anonymity: fewer than 5 staff in this department answered it/,
      )
    expect((await cells(page, 'All staff', 'I have had the training'))[0]).toBe('8')
    await check(page, 'hr-attitude-department')
    await page.close()
  })
})
