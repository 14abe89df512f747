import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { enqueueInvitations } from '../../server/db/outbox'
import { outbox } from '../../server/db/schema'
import { openDatabase } from '../../server/node/open-database'
import { answerPage, answerSurvey } from '../helpers/answer-survey'
import { launchBrowser, screenshotDir } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'
import { STALL_MS } from '../helpers/wait-for'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/respond.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  server = await startNodeServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openWave(name: string) {
  const out = JSON.parse(
    await server.csi('wave', 'create', '--survey', 'customer', '--name', name, '--open', '--json'),
  )
  return out as { id: string; link: string }
}

// answerSurvey and the waits below go on while the page still moves and fail on their own once
// it has not for STALL_MS, so no fixed time limit cuts them short on a busy machine.
describe('respondent page on Node (npm start)', { timeout: 0 }, () => {
  test('open link → answer → submit → thanks, and the response is stored', async () => {
    const wave = await openWave('Browser pilot')
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    await page.goto(wave.link)
    await page.locator('.sd-question[data-name]').first().waitFor()
    await page.screenshot({ path: join(screenshotDir, 'respond-desktop.png'), fullPage: true })
    await answerSurvey(page, 2)
    await page
      .getByText(/thank you/i)
      .first()
      .waitFor({ timeout: STALL_MS })
    await page.screenshot({ path: join(screenshotDir, 'respond-thanks.png'), fullPage: true })

    // Only the survey's code: no dashboard entry chunk, no chart code.
    expect(scripts.some((s) => /\/assets\/respond-[\w-]+\.js$/.test(s))).toBe(true)
    expect(scripts.filter((s) => /\/assets\/(index|WavePage)-|chart/i.test(s))).toEqual([])
    // chart.js marks its canvases with `_chartjs`: none of the code this page loaded carries it.
    for (const s of scripts) {
      const code = await (await fetch(`${server.url}${s}`)).text()
      expect(code.includes('_chartjs'), s).toBe(false)
    }
    // …while the dashboard's wave chunk does, so the check above can fail.
    const dist = join(repoRoot, 'client/dist/assets')
    const chartChunks = readdirSync(dist).filter(
      (f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes('_chartjs'),
    )
    expect(chartChunks.length).toBeGreaterThan(0)

    const csv = await server.csi('export', '--wave', wave.id)
    const [header, row, extra] = csv.trim().split(/\r?\n/)
    expect(extra).toBeUndefined()
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]))
    expect(cells).toMatchObject({
      wave: wave.id,
      audience: 'customer',
      mode: 'web',
      overall: '2',
      rebuy: '4',
      delivery_reliability: '4',
    })
    await page.close()
  })

  test('on a 375 px phone the survey fits the screen and can be completed', async () => {
    const wave = await openWave('Phone pilot')
    const page = await browser.newPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    await page.goto(wave.link)
    await page.locator('.sd-question[data-name]').first().waitFor()
    await page.screenshot({ path: join(screenshotDir, 'respond-mobile.png'), fullPage: true })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await answerSurvey(page, 5)
    await page
      .getByText(/thank you/i)
      .first()
      .waitFor({ timeout: STALL_MS })
    const csv = await server.csi('export', '--wave', wave.id)
    expect(csv.trim().split(/\r?\n/)).toHaveLength(2)
    await page.close()
  })

  test('a region the contact list gives is not asked on a 375 px phone, and is stored', async () => {
    const id = (
      await server.csi('wave', 'create', '--survey', 'customer', '--name', 'Prefill pilot')
    ).trim()
    const dir = mkdtempSync(join(tmpdir(), 'csi-prefill-'))
    const file = join(dir, 'contacts.csv')
    writeFileSync(file, 'email,name,region,channel\nann@example.com,Ann,north,web\n')
    await server.csi('contacts', 'import', file, '--wave', id)
    const store = openDatabase(server.env.DATABASE_PATH)
    await enqueueInvitations(store, id, 'localhost', new Date())
    const [row] = await store.db.select({ token: outbox.token }).from(outbox)
    store.close()
    const page = await browser.newPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    // Region is on the last page: note whether it is ever shown, on any page.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('.sd-question[data-name="region"]'))
          (window as unknown as { sawRegion: boolean }).sawRegion = true
      }).observe(document, { subtree: true, childList: true })
    })
    await page.goto(`${server.url}/s/${row!.token}`)
    await page.locator('.sd-question[data-name]').first().waitFor()
    // Through to the last page, where region would be asked beside comments and size.
    for (let i = 0; i < 3; i++) {
      await answerPage(page, 4)
      await page.locator('.sd-navigation__next-btn').filter({ visible: true }).click()
    }
    await page.locator('.sd-question[data-name="customer_size"]').waitFor({ timeout: STALL_MS })
    await page.screenshot({ path: join(screenshotDir, 'respond-prefilled.png'), fullPage: true })
    await answerSurvey(page, 4)
    await page
      .getByText(/thank you/i)
      .first()
      .waitFor({ timeout: STALL_MS })
    expect(await page.evaluate(() => 'sawRegion' in window)).toBe(false)
    const csv = await server.csi('export', '--wave', id)
    const [header, answer] = csv.trim().split(/\r?\n/)
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, answer!.split(',')[i]]))
    expect(cells).toMatchObject({ region: 'north', overall: '4' })
    await page.close()
  })

  test('answers survive closing the tab: the same link resumes where it stopped', async () => {
    const wave = await openWave('Resume pilot')
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(wave.link)
    await page
      .locator('[data-name="overall"] label.sd-rating__item')
      .filter({ hasText: '3' })
      .click()
    await page.close()
    const again = await context.newPage()
    await again.goto(wave.link)
    await again.locator('[data-name="overall"]').waitFor()
    const checked = await again
      .locator('[data-name="overall"] input[type="radio"]:checked')
      .getAttribute('value')
    expect(checked).toBe('3')
    await context.close()
  })

  test('an unknown link shows a friendly page', async () => {
    const page = await browser.newPage()
    const res = await page.goto(`${server.url}/s/${'Z'.repeat(43)}`)
    expect(res?.status()).toBe(404)
    await expect(
      page.getByRole('heading', { name: 'Link not recognised' }).textContent(),
    ).resolves.toBe('Link not recognised')
    await page.screenshot({ path: join(screenshotDir, 'respond-unknown.png') })
    await page.close()
  })
})
