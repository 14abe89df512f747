import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { answerPage, answerSurvey } from '../helpers/answer-survey'
import { seriousViolations } from '../helpers/axe'
import { launchBrowser, screenshotDir } from '../helpers/browser'
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

const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="32" viewBox="0 0 96 32">' +
  '<rect width="32" height="32" rx="6" fill="#b45309"/><rect x="40" y="10" width="56" height="12" fill="#1f2933"/></svg>'

async function brandAs(organisation: string, primary: string) {
  const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: 'admin@example.com', password: 'correct horse battery' }),
  })
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const put = async (path: string, body: unknown) => {
    const res = await fetch(server.url + path, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(body),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    return res.json()
  }
  await put('/api/settings/brand', { organisation, primary })
  const file = `data:image/svg+xml;base64,${Buffer.from(logo).toString('base64')}`
  return (await put('/api/settings/brand/logo', { file })).logoUrl as string
}

describe('the respondent page in the company look, on a phone', { timeout: 0 }, () => {
  test('logo, name and colour; eight attributes without a long scroll; progress per attribute', async () => {
    const logoUrl = await brandAs('Hargreaves & Daughters Wholesale Provisions Limited', '#9a3412')
    const out = await server.csi(
      'wave',
      'create',
      '--survey',
      'customer',
      '--name',
      'Q1',
      '--open',
      '--json',
    )
    const { link } = JSON.parse(out) as { link: string }
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } })
    await page.goto(link)
    await page.locator('.sd-question[data-name="overall"]').waitFor()
    // The shell paints the brand before any survey code: header colour, logo and name.
    await expect(
      page.locator('.shell-header').evaluate((h) => getComputedStyle(h).backgroundColor),
    ).resolves.toBe('rgb(154, 52, 18)')
    const img = page.locator('.shell-brand img')
    await expect(img.getAttribute('src')).resolves.toBe(logoUrl)
    await expect.poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(96)
    await page.getByText('Hargreaves & Daughters Wholesale Provisions Limited').waitFor()
    // A long name and title wrap: nothing runs off a 375 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    // SurveyJS takes the colour too.
    const next = page.locator('.sd-navigation__next-btn').filter({ visible: true })
    const primary = await page.evaluate(() =>
      getComputedStyle(document.querySelector('.sd-root-modern')!)
        .getPropertyValue('--sjs2-color-project-brand-600')
        .trim(),
    )
    expect(primary).toBe('rgba(154, 52, 18, 1)')
    await page.screenshot({ path: join(screenshotDir, 'respond-brand-375.png'), fullPage: true })

    await answerPage(page, 4)
    await next.click()
    const matrix = page.locator('.sd-question[data-name="attributes"]')
    await matrix.waitFor()
    // One row of numbered buttons per attribute, not a list of five radios each.
    await expect(matrix.getAttribute('class')).resolves.toContain('csi-scale-matrix')
    const box = await matrix.boundingBox()
    // survey-core's own phone layout makes this question about 2,700 px tall.
    expect(box!.height).toBeLessThan(1600)
    const rows = matrix.locator('tr.sd-table__row')
    expect(await rows.count()).toBe(8)
    const first = await rows.nth(0).locator('label').first().boundingBox()
    const fifth = await rows.nth(0).locator('label').nth(4).boundingBox()
    expect(Math.abs(first!.y - fifth!.y)).toBeLessThan(2)
    // Progress counts each attribute: two ratings answered, then a third in the matrix.
    const progress = page.locator('.sd-progress__text').first()
    const before = await progress.textContent()
    expect(before).toMatch(/Answered 2\/2\d questions/)
    await rows.nth(0).locator('label:has(input[value="5"])').click()
    await expect.poll(() => progress.textContent()).toMatch(/Answered 3\/2\d questions/)
    await page.screenshot({ path: join(screenshotDir, 'respond-matrix-375.png') })
    expect(await seriousViolations(page)).toEqual([])

    await answerSurvey(page, 4)
    await page.getByText('Thank you!').waitFor()
    // The thank-you page alone: no survey-core "saved successfully" box under it.
    await expect(page.getByText('The results were saved successfully!').count()).resolves.toBe(0)
    await page.close()
  })
})
