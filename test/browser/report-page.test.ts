import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, screenshotDir, submitSignIn } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
let customers: string
let wholesalers: string

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }
const keys = [
  'product_quality',
  'delivery_reliability',
  'order_accuracy',
  'technical_support',
  'price_value',
  'ease_of_ordering',
  'complaint_handling',
  'sales_support',
]
const offsets = [0.7, -0.4, 0.3, 0, -0.7, 0.5, -0.9, 0.2]

/** mulberry32: the same answers on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** SPEC §5.3 rows: attributes around a respondent's mood; overall follows the attributes. */
function responsesCsv(audience: string, n: number, mood: number, seed: number) {
  const rnd = random(seed)
  const noise = () => (rnd() + rnd() + rnd() - 1.5) * 1.2
  const clamp = (x: number) => String(Math.max(1, Math.min(5, Math.round(x))))
  const regions = ['north', 'south', 'east', 'west']
  const rows = [['audience', 'overall', 'rebuy', ...keys, 'region', 'comments'].join(',')]
  // Comments a spreadsheet would run as formulas, one of them on a second line.
  const comments = ['"=HYPERLINK(""http://evil.example"",""x"")"', '"@SUM(A1)\n=1+1"', '"+1"']
  for (let i = 0; i < n; i++) {
    const m = mood + noise()
    const a = offsets.map((o) => m + o + noise() * 0.8)
    const overall = 0.4 * a[0]! + 0.3 * a[1]! + 0.3 * a[6]! + noise() * 0.4
    const answers = a.map((x) => (rnd() < 0.02 ? '' : clamp(x)))
    rows.push(
      [
        audience,
        clamp(overall),
        clamp(overall + noise() * 0.6),
        ...answers,
        regions[i % 4],
        comments[i] ?? '',
      ].join(','),
    )
  }
  const file = join(mkdtempSync(join(tmpdir(), 'csi-report-')), `${audience}.csv`)
  writeFileSync(file, rows.join('\n'))
  return file
}

async function wave(survey: string, name: string, file: string) {
  const { id } = JSON.parse(
    await server.csi('wave', 'create', '--survey', survey, '--name', name, '--json'),
  ) as { id: string }
  await server.csi('responses', 'import', file, '--wave', id)
  return id
}

// The CLI's JSON, read loosely: the expected strings are computed from it below.
type Json = Record<string, any>

async function cliReport(...args: string[]): Promise<Json> {
  return JSON.parse(await server.csi('report', ...args, '--format', 'json'))
}

const total = (r: Json, audience: string) =>
  r.groups.find((g: Json) => g.audience === audience && g.segment === null)

// Expected display strings, worked out here from the JSON rather than with the page's helpers.
const one = (x: number) => x.toFixed(1)
const bandWord = { strength: 'Strength', adequate: 'Adequate', concern: 'Concern' } as Record<
  string,
  string
>
const bandMeaning = {
  strength: 'market-leader level',
  adequate: 'acceptable, not yet leading',
  concern: 'a weakness',
} as Record<string, string>

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  server = await startNodeServer()
  browser = await launchBrowser()
  customers = await wave('customer', 'Q4 customers', responsesCsv('customer', 200, 3.7, 1))
  wholesalers = await wave('wholesaler', 'Q4 wholesalers', responsesCsv('wholesaler', 90, 3.3, 2))
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openReport(page: Page, query = '') {
  await page.goto(`${server.url}/waves/${customers}${query}`)
  await submitSignIn(page, ADMIN.email, ADMIN.password)
  await page.locator('.csi-card').waitFor()
  await page.locator('.ipa canvas').waitFor()
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

const rowOf = (page: Page, label: string) =>
  page.locator('.attribute-table tbody tr').filter({
    has: page.getByRole('rowheader', { name: label, exact: true }),
  })

const rowLabels = (page: Page) =>
  page.locator('.attribute-table tbody th[scope=row]').allTextContents()

describe('wave report page in Chromium', () => {
  test('shows the CLI report’s CSI, interval, scores and bands; the chart draws', async () => {
    const report = await cliReport('--wave', customers)
    const g = total(report, 'customer')
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await openReport(page)

    const card = page.locator('.csi-card')
    await expect
      .poll(() => card.locator('.csi-card__value').textContent())
      .toBe(one(g.csi.index100))
    const cardText = (await card.textContent())!
    expect(cardText).toContain(`${one(g.csi.score10)} /10`)
    expect(cardText).toContain(`${one(g.csi.score10Low * 10)}–${one(g.csi.score10High * 10)} /100`)
    expect(cardText).toContain(`(${one(g.csi.score10Low)}–${one(g.csi.score10High)} /10)`)
    expect(await card.locator('.csi-card__head .report-band').textContent()).toBe(
      `${bandWord[g.csi.band]} · ${bandMeaning[g.csi.band]}`,
    )
    expect(cardText).toContain(String(g.csi.n))

    for (const a of g.attributes as Json[]) {
      const row = rowOf(page, report.labels.attributes[a.key])
      expect(await row.locator('.report-score__value').textContent()).toBe(one(a.score10))
      expect(await row.locator('.report-score__ci').textContent()).toBe(
        `${one(a.score10Low)}–${one(a.score10High)}`,
      )
      expect(await row.locator('td[data-label=Band]').textContent()).toBe(bandWord[a.band])
      expect(await row.locator('td[data-label="Mean 1–5"]').textContent()).toBe(a.mean.toFixed(2))
    }
    const frame = await page.locator('.table-frame:has(.attribute-table)').evaluate((f) => ({
      scroll: f.scrollWidth,
      client: f.clientWidth,
      cols: [...f.querySelectorAll('thead th')].map((th) =>
        Math.round(th.getBoundingClientRect().width),
      ),
    }))
    expect(frame.scroll, JSON.stringify(frame.cols)).toBeLessThanOrEqual(frame.client)
    // Served order: mean, highest first.
    expect(await rowLabels(page)).toEqual(
      (g.attributes as Json[]).map((a) => report.labels.attributes[a.key]),
    )

    expect(g.importanceModel.crosshair.source).toBe('share')
    const inked = await page.locator('.ipa canvas').evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
      let n = 0
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0) n++
      return n / (data.length / 4)
    })
    expect(inked).toBeGreaterThan(0.02)
    await shot(page, 'report-page-desktop')
    await page.close()
  })

  test('column headers sort with the keyboard and say so in aria-sort', async () => {
    const report = await cliReport('--wave', customers)
    const g = total(report, 'customer')
    const label = (a: Json) => report.labels.attributes[a.key] as string
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await openReport(page)
    const header = (name: string) =>
      page.locator('.attribute-table thead th').filter({ hasText: name })

    expect(await header('Mean').getAttribute('aria-sort')).toBe('descending')
    await page.getByRole('button', { name: 'Mean 1–5' }).focus()
    await page.keyboard.press('Enter')
    expect(await header('Mean').getAttribute('aria-sort')).toBe('ascending')
    const ascending = [...(g.attributes as Json[])].sort((a, b) => a.mean - b.mean).map(label)
    expect(await rowLabels(page)).toEqual(ascending)

    await page.keyboard.press('Shift+Tab') // n
    await page.keyboard.press('Shift+Tab') // Attribute
    await page.keyboard.press('Space')
    expect(await header('Attribute').getAttribute('aria-sort')).toBe('ascending')
    expect(await header('Mean').getAttribute('aria-sort')).toBeNull()
    const az = (g.attributes as Json[]).map(label).sort((a, b) => a.localeCompare(b))
    expect(await rowLabels(page)).toEqual(az)
    await page.keyboard.press('Enter')
    expect(await header('Attribute').getAttribute('aria-sort')).toBe('descending')
    expect(await rowLabels(page)).toEqual([...az].reverse())
    await page.close()
  })

  test('options live in the address; segments and exports follow them', async () => {
    const report = await cliReport('--wave', customers, '--csi', 'overall', '--by', 'region')
    const g = total(report, 'customer')
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await openReport(page)
    await page.getByLabel('Index definition').selectOption('overall')
    await page.getByLabel('Break down by').selectOption('region')
    await expect.poll(() => new URL(page.url()).search).toBe('?csi=overall&by=region')
    await expect
      .poll(() => page.locator('.csi-card__value').textContent())
      .toBe(one(g.csi.index100))
    expect(await page.getByRole('link', { name: 'Report CSV' }).getAttribute('href')).toBe(
      `/api/waves/${customers}/report.csv?csi=overall&by=region`,
    )
    expect(await page.getByRole('link', { name: 'Responses CSV' }).getAttribute('href')).toBe(
      `/api/waves/${customers}/responses.csv`,
    )
    // Plain links with the page's session: both downloads answer CSV.
    for (const name of ['Report CSV', 'Responses CSV']) {
      const href = await page.getByRole('link', { name }).getAttribute('href')
      const res = await page.request.get(`${server.url}${href}`)
      expect(res.status(), name).toBe(200)
      expect(res.headers()['content-type']).toMatch(/^text\/csv/)
    }
    // The responses download itself, clicked as a person would: it parses, and no cell can run.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Responses CSV' }).click(),
    ])
    const parsed = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8'), {
      skipEmptyLines: true,
    })
    expect(parsed.errors).toEqual([])
    const cells = parsed.data.slice(1).flat()
    expect(cells.filter((c) => c.includes('HYPERLINK') || c.includes('SUM(A1)'))).toHaveLength(2)
    for (const c of cells) expect(c, JSON.stringify(c)).not.toMatch(/^[=+\-@\t\r\n\0]/)
    expect(download.suggestedFilename()).toMatch(/-responses\.csv$/)
    const north = report.groups.find((x: Json) => x.segment?.value === 'north')
    const row = page.locator('.segment-table tbody tr').filter({ hasText: 'North' })
    expect(await row.locator('.seg-csi strong').textContent()).toBe(one(north.csi.index100))
    expect(await row.textContent()).toContain(bandWord[north.csi.band])

    // The same address opened afresh shows the same report.
    await page.reload()
    await page.locator('.segment-table').first().waitFor()
    expect(await page.getByLabel('Index definition').inputValue()).toBe('overall')
    await page.close()
  })

  test('a wholesaler wave beside the customers: both CSIs and the tested gaps', async () => {
    const report = await cliReport(
      '--wave',
      customers,
      '--wave',
      wholesalers,
      '--compare',
      'wholesaler:customer',
    )
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await openReport(page)
    await page.getByRole('checkbox', { name: 'Q4 wholesalers' }).check()
    await page.locator('.gap-table').waitFor()
    expect(new URL(page.url()).searchParams.get('with')).toBe(wholesalers)
    const cards = page.locator('.mini-csi')
    expect(await cards.nth(1).locator('.mini-csi__value').textContent()).toBe(
      one(total(report, 'wholesaler').csi.index100),
    )
    const gap = report.gaps[0] as Json
    const row = page
      .locator('.gap-table tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: report.labels.attributes[gap.key] }) })
    expect(await row.locator('td[data-label="Difference /10"]').textContent()).toBe(
      `${gap.gap10 > 0 ? '+' : '−'}${one(Math.abs(gap.gap10))}`,
    )
    await shot(page, 'report-page-compare')
    await page.close()
  })

  test('on a 375 px phone nothing overflows; print media keeps the card, table and chart', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } })
    await openReport(page, '?by=region')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await shot(page, 'report-page-mobile')
    await page.close()

    const print = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await openReport(print)
    await print.emulateMedia({ media: 'print' })
    expect(await print.locator('.report-toolbar').isVisible()).toBe(false)
    expect(await print.locator('.app-header').isVisible()).toBe(false)
    expect(await print.locator('.csi-card').isVisible()).toBe(true)
    expect(await print.locator('.attribute-table').isVisible()).toBe(true)
    const box = await print.locator('.ipa canvas').boundingBox()
    // 170 mm at 96 px per inch: the chart fits A4 between 14 mm margins.
    expect(box!.width).toBeGreaterThan(600)
    expect(box!.width).toBeLessThan(660)
    await shot(print, 'report-page-print')
    const pdf = await print.pdf({ format: 'A4', printBackground: true })
    writeFileSync(join(screenshotDir, 'report-page.pdf'), pdf)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(20_000)
    await print.close()
  })
})
