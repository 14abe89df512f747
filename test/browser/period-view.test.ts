import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { PeriodData } from '../../client/dashboard/periods/period-model'
import { fixed, interval } from '../../client/lib/format'
import { waves } from '../../server/db/schema'
import { loadWaveSurvey } from '../../server/db/wave-survey'
import { openDatabase } from '../../server/node/open-database'
import { submitResponse } from '../../server/responses/submit-response'
import { makeCustomerAnswers } from '../helpers/answers'
import { seriousViolations } from '../helpers/axe'
import { expectFitsPhone, launchBrowser, openSignedIn, screenshotDir } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
const PASSWORD = 'correct horse battery'
const pageErrors: string[] = []

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html')))
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  server = await startNodeServer()
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

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 })

const openAs = (path: string) =>
  openSignedIn(browser, {
    baseUrl: server.url,
    email: 'manager@example.com',
    password: PASSWORD,
    path,
    errors: pageErrors,
  })

async function shot(page: Page, name: string) {
  const path = join(screenshotDir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  mkdirSync('/tmp/shots', { recursive: true })
  copyFileSync(path, join('/tmp/shots', `${name}.png`))
}

/**
 * A monthly wave in the field since July: low scores in July, two answers in August (too few),
 * none in September, high ones in October, middling in November. Written with the server's own
 * submit function at those times, as the respondent page would have stored them then.
 */
async function fieldMonths(waveId: string) {
  const store = openDatabase(server.env.DATABASE_PATH)
  await store.db
    .update(waves)
    .set({ opensAt: new Date('2026-07-01T00:00:00Z') })
    .where(eq(waves.id, waveId))
  const loaded = (await loadWaveSurvey(store.db, waveId))!
  const months: [string, number[]][] = [
    ['2026-07', [2, 3, 2, 3, 2, 3, 3, 2]],
    ['2026-08', [5, 5]],
    ['2026-10', [4, 5, 5, 4, 5, 4, 5, 5]],
    ['2026-11', [4, 4, 3, 4, 5, 4]],
  ]
  for (const [month, scores] of months)
    for (const [i, overall] of scores.entries())
      await submitResponse(
        store,
        { state: 'open', ...loaded, invitation: null },
        {
          data: makeCustomerAnswers({ overall, rebuy: overall }),
          mode: 'web',
          now: new Date(`${month}-${String(i + 2).padStart(2, '0')}T09:00:00Z`),
          host: 'localhost',
        },
      )
  store.close()
}

describe('a continuous wave by period in Chromium', () => {
  test('created continuous from the dialog; By period shows the line and the table of the API figures, keyboard reachable', async () => {
    const page = await openAs('/')
    await page.getByRole('button', { name: 'Create wave' }).click()
    const create = page.getByRole('dialog', { name: 'Create a wave' })
    await create.getByLabel('Name').fill('Always-on customers')
    await create.getByLabel('Results').selectOption('month')
    await create.getByRole('button', { name: 'Create wave' }).click()
    await create.waitFor({ state: 'detached' })
    const list = (await (await page.request.get(`${server.url}/api/waves`)).json()) as {
      waves: { id: string; name: string; reportingPeriod: string | null }[]
    }
    const wave = list.waves.find((w) => w.name === 'Always-on customers')!
    expect(wave.reportingPeriod).toBe('month')

    // A new continuous wave: its By period page says nothing has come in yet.
    await page.goto(`${server.url}/waves/${wave.id}/periods`)
    await page.getByRole('heading', { name: 'No responses yet' }).waitFor()
    await shot(page, 'periods-empty-1280')

    await fieldMonths(wave.id)
    await page.goto(`${server.url}/waves/${wave.id}`)
    await page.getByRole('heading', { name: 'Always-on customers' }).waitFor()
    // Keyboard: Tab reaches the "By period" tab, Enter opens it.
    let focused = ''
    for (let i = 0; i < 40 && focused !== 'By period'; i++) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
    }
    expect(focused).toBe('By period')
    await page.keyboard.press('Enter')
    await page.waitForURL((u) => u.pathname === `/waves/${wave.id}/periods`)
    expect(await page.getByRole('link', { name: 'By period' }).getAttribute('aria-current')).toBe(
      'page',
    )

    const res = await page.request.get(
      `${server.url}/api/waves/${wave.id}/periods?csi=overall-rebuy&scale=linear`,
    )
    expect(res.status()).toBe(200)
    const data = (await res.json()) as PeriodData
    await page.locator('.periods-table tbody tr').first().waitFor()
    await poll(() => page.locator('.periods-table tbody tr').count()).toBe(data.points.length)
    expect(data.points.slice(0, 5).map((p) => [p.period, p.responses])).toEqual([
      ['2026-07', 8],
      ['2026-08', 2],
      ['2026-09', 0],
      ['2026-10', 8],
      ['2026-11', 6],
    ])
    for (const p of data.points) {
      const row = page.locator(`.periods-table tr[data-period="${p.period}"]`)
      expect(await row.locator('th').textContent()).toBe(p.label)
      expect(await row.locator('td').first().textContent()).toBe(String(p.responses))
      if (p.csi) {
        const score = await row.locator('[data-cell="score"]').textContent()
        expect(score).toContain(fixed(p.csi.score10! * 10, 1))
        expect(score).toContain(interval(p.csi.score10Low! * 10, p.csi.score10High! * 10, 1))
      } else if (p.suppressed) {
        expect(await row.textContent()).toContain('Suppressed: 2 responses, fewer than the 5')
      } else {
        expect(await row.textContent()).toContain('No responses.')
      }
    }
    // July → October skips August (suppressed) and September (empty): a significant rise.
    const rise = data.changes.find((c) => c.key === 'csi' && c.toPeriod === '2026-10')!
    expect(rise).toMatchObject({ fromPeriod: '2026-07', significant: true })
    const change = await page
      .locator('.periods-table tr[data-period="2026-10"] [data-cell="change"]')
      .textContent()
    expect(change).toContain(`+${fixed(rise.diff10 * 10, 1)}`)
    expect(change).toContain('significant')
    expect(await page.locator('.chart canvas').count()).toBe(1)
    expect(await page.locator('.chart canvas').first().getAttribute('aria-label')).toMatch(
      /by month, with 95% confidence intervals.*October 2026/,
    )
    expect(await seriousViolations(page)).toEqual([])
    // The Show select is a keyboard control: an attribute's line by month.
    await page.getByLabel('Show').focus()
    await page.getByLabel('Show').selectOption('product_quality')
    await page.waitForURL((u) => u.search.includes('show=product_quality'))
    await page.getByRole('heading', { name: /^Quality of our products by month/ }).waitFor()
    await page.getByLabel('Show').selectOption('csi')
    await page.waitForURL((u) => !u.search.includes('show='))

    await page.locator('.chart canvas').waitFor()
    await shot(page, 'periods-1280')
    await expectFitsPhone(page, 'periods')
    await shot(page, 'periods-375')
    await page.locator('.trend-chart-card').screenshot({ path: '/tmp/shots/periods-375-chart.png' })
    await page.setViewportSize({ width: 1280, height: 900 })

    // The report broken down by period: the months in time order, in words.
    await page.goto(`${server.url}/waves/${wave.id}?by=period`)
    const segment = page.getByRole('region', { name: 'CSI by period' }).locator('table')
    await segment.waitFor()
    expect(await segment.locator('tbody th').allTextContents()).toEqual([
      'July 2026',
      'August 2026',
      'October 2026',
      'November 2026',
    ])
    await segment.scrollIntoViewIfNeeded()
    await shot(page, 'periods-report-by-period-1280')
    await page.goto(`${server.url}/waves/${wave.id}/periods`)

    // The setting: quarters recount every answer so far.
    await page.getByLabel('Report this wave').selectOption('quarter')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { name: 'Quarter by quarter' }).waitFor()
    await poll(() =>
      page.locator('.periods-table tr[data-period="2026-Q3"] td').first().textContent(),
    ).toBe('10')
  })
})
