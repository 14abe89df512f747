import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { expectFitsPhone, launchBrowser, openSignedIn, screenshotDir } from '../helpers/browser'
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

const survey = {
  title: { default: 'Customer survey', de: 'Kundenumfrage' },
  pages: [
    {
      name: 'main',
      elements: [
        {
          type: 'rating',
          name: 'overall',
          title: { default: 'How satisfied are you overall?', de: 'Wie zufrieden sind Sie?' },
          rateMin: 1,
          rateMax: 5,
          isRequired: true,
        },
        {
          type: 'matrix',
          name: 'attributes',
          title: 'How satisfied are you with…',
          columns: [1, 2, 3, 4, 5],
          rows: [
            { value: 'delivery', text: { default: 'Delivery', de: 'Lieferung' } },
            { value: 'advice', text: 'Advice' },
          ],
        },
      ],
    },
  ],
}

describe('a survey not yet in every programme language', { timeout: 0 }, () => {
  test('its page lists the texts each language lacks, by language', async () => {
    await server.csi('settings', 'set', 'languages', 'en,de,fr')
    const file = join(dirname(server.env.DATABASE_PATH!), 'partly-german.json')
    writeFileSync(file, JSON.stringify(survey))
    await server.csi('survey', 'import', file, '--audience', 'customer', '--id', 'partly-german')
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      baseUrl: server.url,
      email: 'admin@example.com',
      password: 'correct horse battery',
      path: '/surveys/partly-german',
      errors,
    })
    const gaps = page.locator('.translation-gaps')
    await gaps.getByRole('heading', { name: 'Not yet translated' }).waitFor()
    const items = await gaps.locator('li').allTextContents()
    expect(items).toHaveLength(2)
    expect(items[0]).toMatch(/^German \(de\): 2 texts, e\.g\. main › attributes › title, main › attributes › rows › advice › text$/)
    expect(items[1]).toMatch(/^French \(fr\): 5 texts/)
    await page.screenshot({ path: join(screenshotDir, 'survey-translations-1280.png'), fullPage: true })
    expect(await seriousViolations(page)).toEqual([])
    await expectFitsPhone(page, 'Survey page')
    await page.screenshot({ path: join(screenshotDir, 'survey-translations-375.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })
})
