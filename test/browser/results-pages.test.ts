import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { CommentsPage } from '../../client/dashboard/comments/comments-model'
import type { GapRow } from '../../client/dashboard/gaps/gap-model'
import { verdictName } from '../../client/dashboard/gaps/gap-model'
import { numberWord } from '../../client/dashboard/gaps/words'
import type { TrendData } from '../../client/dashboard/trend/trend-model'
import { fixed, formatP, interval, signed } from '../../client/lib/format'
import { launchBrowser, screenshotDir, expectFitsPhone, openSignedIn } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
const waves: Record<string, string> = {}
const PASSWORD = 'correct horse battery'
/** Uncaught errors in any page: the pages must show problems as notices, never crash. */
const pageErrors: string[] = []

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  server = await startNodeServer()
  const demo = JSON.parse(await server.csi('demo', '--json')) as {
    waves: { id: string; name: string }[]
  }
  for (const w of demo.waves) waves[w.name.replace(/^Demo 2026 /, '')] = w.id
  await server.csi('user', 'add', 'hr@example.com', '--role', 'hr', '--password', PASSWORD)
  await server.csi(
    'user',
    'add',
    'manager@example.com',
    '--role',
    'manager',
    '--password',
    PASSWORD,
  )
  browser = await launchBrowser()
})

afterEach(() => {
  expect(pageErrors).toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A signed-in page at `path`, through the sign-in form and its `?next=`. */
const openAs = (email: string, path: string, width = 1280) =>
  openSignedIn(
    browser,
    { baseUrl: server.url, email, password: PASSWORD, path, errors: pageErrors },
    width,
  )

/** The pages load their chunk and data after navigation: wait for them, not a fixed sleep. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 })

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`)
  expect(res.status()).toBe(200)
  return (await res.json()) as T
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

/** Screenshots at 1280 px, then at 375 px (where nothing may scroll sideways). */
async function shotsAtBothWidths(page: Page, name: string) {
  await shot(page, `${name}-1280`)
  await expectFitsPhone(page, name)
  await shot(page, `${name}-375`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Pixels of a colour (within a tolerance) drawn on the page's first chart canvas. */
async function canvasPixels(page: Page, rgb: [number, number, number] | null) {
  return page
    .locator('.chart canvas')
    .first()
    .evaluate((c, rgb) => {
      const canvas = c as HTMLCanvasElement
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      let n = 0
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 200) continue
        if (
          !rgb ||
          (Math.abs(data[i]! - rgb[0]) < 12 &&
            Math.abs(data[i + 1]! - rgb[1]) < 12 &&
            Math.abs(data[i + 2]! - rgb[2]) < 12)
        )
          n++
      }
      return n
    }, rgb)
}

type Report = { gaps: GapRow[]; config: { pAdjust: string } }

async function expectTableMatches(page: Page, report: Report) {
  const rows = page.locator('.gaps-table tbody tr')
  await poll(() => rows.count()).toBe(report.gaps.length)
  for (const g of report.gaps) {
    const row = page.locator(`.gaps-table tr[data-key="${g.key}"]`)
    expect(await row.getAttribute('data-verdict')).toBe(g.verdict)
    expect(await row.locator('[data-cell="verdict"] .gap-verdict').textContent()).toBe(
      verdictName[g.verdict],
    )
    if (g.verdict === 'suppressed') continue
    const gap = await row.locator('[data-cell="gap"]').textContent()
    expect(gap).toContain(signed(g.gap))
    expect(gap).toContain(interval(g.ciGapLow, g.ciGapHigh, 2, true))
    expect(await row.locator('[data-cell="p"]').textContent()).toBe(formatP(g.pAdjusted))
    expect(await row.locator('[data-cell="g"]').textContent()).toContain(fixed(g.g, 2))
  }
}

describe('results pages in Chromium', () => {
  test('HR: perception gaps table equals the report API, the chart draws, the comparison changes', async () => {
    const emp = waves['Q4 employees']!
    const page = await openAs('hr@example.com', `/waves/${emp}/gaps`)
    const report = await api<Report>(
      page,
      `/api/waves/${emp}/report?with=${waves['Q4 customers']}&compare=employee:customer`,
    )
    await expectTableMatches(page, report)
    const dangerous = report.gaps.filter((g) => g.verdict === 'dangerous').length
    expect(dangerous).toBeGreaterThan(0)
    await poll(() => page.locator('#gaps-headline-title').textContent()).toBe(
      `${numberWord(dangerous, true)} dangerous gap${dangerous === 1 ? '' : 's'}: staff think we do much better than customers say`,
    )
    expect(await page.getByLabel('Compare staff with').inputValue()).toBe(waves['Q4 customers'])
    // The diverging chart has drawn, dangerous bars in red.
    expect(await canvasPixels(page, null)).toBeGreaterThan(2000)
    expect(await canvasPixels(page, [0xb4, 0x23, 0x18])).toBeGreaterThan(200)
    await shotsAtBothWidths(page, 'results-gaps')

    await page.getByLabel('Compare staff with').selectOption(waves['Q4 wholesalers']!)
    await page.waitForURL((u) => u.searchParams.get('with') === waves['Q4 wholesalers'])
    const wholesale = await api<Report>(
      page,
      `/api/waves/${emp}/report?with=${waves['Q4 wholesalers']}&compare=employee:wholesaler`,
    )
    await poll(() => page.locator('.gaps-table thead').textContent()).toContain('Wholesalers mean')
    await expectTableMatches(page, wholesale)
    await page.close()
  })

  test('HR: a wave with fewer than 5 staff answers says nothing is released yet, and when it will be', async () => {
    const small = JSON.parse(
      await server.csi('wave', 'create', '--survey', 'employee', '--name', 'Small team', '--json'),
    ) as { id: string }
    const file = join(mkdtempSync(join(tmpdir(), 'csi-small-')), 'responses.csv')
    writeFileSync(
      file,
      'audience,overall,delivery_reliability\nemployee,4,5\nemployee,3,4\nemployee,5,4\n',
    )
    await server.csi('responses', 'import', file, '--wave', small.id)
    const page = await openAs('hr@example.com', `/waves/${small.id}/gaps`)
    const panel = page.locator('.release[data-release="none"]')
    await panel.waitFor()
    expect(await panel.textContent()).toContain(
      '3 responses received so far, none of them released',
    )
    expect(await panel.textContent()).toContain('once at least 5 staff have answered')
    await page.getByText('Perception gaps appear here with the first released results.').waitFor()
    expect(await page.locator('.gaps-table').count()).toBe(0)
    await shot(page, 'results-gaps-suppressed-1280')
    await page.close()
  })

  test('manager: the employee gaps URL shows the server refusal as a notice', async () => {
    const page = await openAs('manager@example.com', `/waves/${waves['Q4 employees']}/gaps`)
    const alert = page.getByRole('alert')
    await poll(() => alert.textContent()).toContain('could not be loaded')
    expect(await alert.textContent()).toContain('its results are for HR')
    expect(await page.getByText('This page could not be shown').count()).toBe(0)
    await shot(page, 'results-gaps-refused-1280')
    await page.close()
  })

  test('manager: the trend shows both customer waves with the API figures', async () => {
    const q4 = waves['Q4 customers']!
    const page = await openAs('manager@example.com', `/waves/${q4}/trend`)
    const trend = await api<TrendData>(
      page,
      `/api/waves/${q4}/trend?csi=overall-rebuy&scale=linear`,
    )
    expect(trend.points.map((p) => p.waveId)).toEqual([waves['Q2 customers'], q4])
    for (const p of trend.points) {
      const row = page.locator(`.trend-table tr[data-wave="${p.waveId}"]`)
      await row.waitFor()
      expect(await row.locator('th').textContent()).toBe(p.name)
      const score = await row.locator('[data-cell="score"]').textContent()
      expect(score).toContain(fixed(p.csi!.score10! * 10, 1))
      expect(score).toContain(interval(p.csi!.score10Low! * 10, p.csi!.score10High! * 10, 1))
    }
    const change = trend.changes.find((c) => c.key === 'csi')!
    const cell = await page
      .locator(`.trend-table tr[data-wave="${q4}"] [data-cell="change"]`)
      .textContent()
    expect(cell).toContain(signed(change.diff10 * 10, 1))
    expect(cell).toContain(change.significant ? 'significant' : 'not significant')
    expect(await canvasPixels(page, [0x19, 0x63, 0x5a])).toBeGreaterThan(100)
    await shotsAtBothWidths(page, 'results-trend')

    // An attribute's trend, chosen from the attribute table; its change is marked significant.
    const sig = trend.changes.find((c) => c.key !== 'csi' && c.significant)
    if (sig) {
      await page.getByRole('link', { name: trend.labels[sig.key]! }).click()
      await page.waitForURL((u) => u.searchParams.get('show') === sig.key)
      await poll(() =>
        page.locator(`.trend-table tr[data-wave="${q4}"] [data-cell="change"]`).textContent(),
      ).toContain('significant (Holm p')
      await shot(page, 'results-trend-attribute-1280')
    }
    await page.close()
  })

  test('manager: concern comments of a customer wave, filter and keyboard tabs', async () => {
    const q4 = waves['Q4 customers']!
    const page = await openAs('manager@example.com', `/waves/${q4}/comments`)
    const data = await api<CommentsPage>(page, `/api/waves/${q4}/comments?by=overall`)
    const concern = data.bands.find((b) => b.band === 'concern')!
    expect(concern.comments.length).toBeGreaterThan(0)
    const tab = page.getByRole('tab', { name: /Concern/ })
    await tab.waitFor()
    expect(await tab.getAttribute('aria-selected')).toBe('true')
    expect(await tab.textContent()).toBe(`Concern${concern.count}`)
    const panel = page.getByRole('tabpanel', { name: /Concern/ })
    const texts = await panel.locator('.comment__text').allTextContents()
    expect(texts).toEqual(concern.comments.slice(0, texts.length).map((c) => c.text))
    expect(await panel.locator('.comment__meta').first().textContent()).toContain(
      `Rated ${concern.comments[0]!.rating} of 5`,
    )
    await shot(page, 'results-comments-1280')

    const word = concern.comments[0]!.text.split(' ')[0]!
    await page.getByLabel('Filter the comments').fill(word)
    const expected = concern.comments.filter((c) =>
      `${c.text} ${c.question}`.toLowerCase().includes(word.toLowerCase()),
    ).length
    await poll(() => tab.textContent()).toBe(`Concern${expected} of ${concern.count}`)
    await page.getByLabel('Filter the comments').fill('')

    await tab.focus()
    await page.keyboard.press('ArrowRight')
    const adequate = page.getByRole('tab', { name: /Adequate/ })
    expect(await adequate.getAttribute('aria-selected')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comments-tab-adequate')
    await page.getByRole('tab', { name: /Strength/ }).click()
    await expectFitsPhone(page, 'comments')
    await shot(page, 'results-comments-375')
    await page.close()
  })

  test('HR: employee comments are one anonymous list from the release, without ratings', async () => {
    const emp = waves['Q4 employees']!
    const page = await openAs('hr@example.com', `/waves/${emp}/comments`)
    const data = await api<CommentsPage>(page, `/api/waves/${emp}/comments`)
    expect(data.by).toBe('wave')
    const texts = data.bands.flatMap((b) => b.comments.map((c) => c.text))
    expect(texts.length, 'the demo employee wave has released comments').toBeGreaterThan(0)
    await page.getByRole('heading', { name: 'All staff comments' }).waitFor()
    expect(await page.getByText('Staff comments are anonymous').count()).toBe(1)
    expect(await page.getByLabel('Group by the rating of').count()).toBe(0)
    expect(await page.getByRole('tab').count()).toBe(0)
    expect(await page.locator('.comment__text').allTextContents()).toEqual(texts.slice(0, 40))
    expect(await page.locator('.comment__rating, .comment__date').count()).toBe(0)
    await shotsAtBothWidths(page, 'results-comments-employee')
    await page.close()
  })
})
