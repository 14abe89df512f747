import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildFromCatalogue } from '../../server/surveys/build-from-catalogue'
import { catalogueWordings } from '../../server/surveys/catalogue-wording'
import { starterCatalogue } from '../../server/surveys/starter-catalogue'
import { answerPage, answerSurvey } from '../helpers/answer-survey'
import { launchBrowser, screenshotDir } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/respond.html')))
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  server = await startNodeServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

// The customer attributes as a German programme would label them in its catalogue.
const german: Record<string, string> = {
  product_quality: 'Qualität unserer Produkte',
  delivery_reliability: 'Zuverlässige Lieferung zum zugesagten Termin',
  order_accuracy: 'Genauigkeit der Lieferungen (richtige Artikel, richtige Mengen)',
  technical_support: 'Technische Unterstützung und Beratung',
  price_value: 'Preis-Leistungs-Verhältnis',
  ease_of_ordering: 'Einfachheit der Bestellung',
  complaint_handling: 'Umgang mit Reklamationen und Problemen',
  sales_support: 'Betreuung durch unser Vertriebsteam',
}

const fitsPhone = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

/**
 * Scale words cut off: short with an ellipsis (a rating's ends), left of their matrix table
 * (the page clips there, as seen on the phone screenshots) or past their card's right edge.
 */
const cutOff = (page: Page) =>
  page.evaluate(() => {
    const words = document.querySelectorAll<HTMLElement>(
      '.sd-matrix__responsive-title, .sd-rating__min-text, .sd-rating__max-text',
    )
    return [...words]
      .filter((word) => word.offsetParent !== null)
      .filter((word) => {
        const card = word.closest('.sd-question')!.getBoundingClientRect()
        const table = word.closest('table')?.getBoundingClientRect() ?? card
        const range = document.createRange()
        range.selectNodeContents(word)
        const text = range.getBoundingClientRect()
        const ellipsis = [word, ...word.querySelectorAll<HTMLElement>('*')].some(
          (e) => e.scrollWidth > e.clientWidth + 1,
        )
        return ellipsis || text.left < table.left - 0.5 || text.right > card.right + 0.5
      })
      .map((word) => word.textContent)
  })

async function openWave(id: string, definition: unknown, audience: string) {
  const file = join(dirname(server.env.DATABASE_PATH!), `${id}.json`)
  writeFileSync(file, JSON.stringify(definition))
  await server.csi('survey', 'import', file, '--audience', audience, '--id', id)
  const out = await server.csi('wave', 'create', '--survey', id, '--name', id, '--open', '--json')
  return (JSON.parse(out) as { link: string }).link
}

describe(
  'a survey the builder wrote, answered in German, French and Spanish on a phone',
  { timeout: 0 },
  () => {
    test('every text of the builder’s own is German and fits 375 px', async () => {
      const catalogue = starterCatalogue().map((item) =>
        german[item.key] ? { ...item, labels: { de: german[item.key]! } } : item,
      )
      const definition = buildFromCatalogue(catalogue, {
        audience: 'customer',
        importance: true,
        languages: ['en', 'de', 'fr', 'es'],
      })
      const link = await openWave('built-de', definition, 'customer')

      const { de } = catalogueWordings
      const words = de.audiences.customer
      const page = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: 'de-DE' })
      await page.goto(link)
      await page.getByText(words.overall).waitFor()
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
      await page.getByText(de.overallPage).waitFor()
      await page.getByText(de.ends.satisfied).first().waitFor()
      expect(await fitsPhone(page)).toBeLessThanOrEqual(0)
      expect(await cutOff(page)).toEqual([])
      await page.screenshot({
        path: join(screenshotDir, 'built-de-overall-375.png'),
        fullPage: true,
      })

      // The attributes page: the German question, scale words and labels.
      await answerPage(page, 4)
      await page.locator('.sd-navigation__next-btn').filter({ visible: true }).click()
      await page.getByText(words.attributesPage).waitFor()
      await page.getByText(german.delivery_reliability!).first().waitFor()
      // On a phone the scale words label each row's choices, so some are hidden until chosen.
      await page.getByText(de.scales.satisfaction[4]).first().waitFor({ state: 'attached' })
      expect(await fitsPhone(page)).toBeLessThanOrEqual(0)
      expect(await cutOff(page)).toEqual([])
      await page.screenshot({
        path: join(screenshotDir, 'built-de-attributes-375.png'),
        fullPage: true,
      })
      const english = catalogueWordings.en
      await expect(page.getByText(english.scales.satisfaction[4]).count()).resolves.toBe(0)

      await answerSurvey(page, 4)
      await page.getByText('Vielen Dank!').waitFor()
      expect(await fitsPhone(page)).toBeLessThanOrEqual(0)
      await page.screenshot({
        path: join(screenshotDir, 'built-de-thanks-375.png'),
        fullPage: true,
      })
      await page.close()
    })

    test.each(['de-DE', 'fr-FR', 'es-ES'])(
      'in %s every scale word of the customer and employee surveys fits, page by page',
      async (locale) => {
        for (const audience of ['customer', 'employee'] as const) {
          const definition = buildFromCatalogue(starterCatalogue(), {
            audience,
            importance: true,
            languages: ['en', 'de', 'fr', 'es'],
          })
          const link = await openWave(
            `built-${audience}-${locale.toLowerCase()}`,
            definition,
            audience,
          )
          const page = await browser.newPage({ viewport: { width: 375, height: 800 }, locale })
          await page.goto(link)
          const next = page.locator('.sd-navigation__next-btn').filter({ visible: true })
          const pages: string[] = []
          for (;;) {
            await page.locator('.sd-question[data-name]').first().waitFor()
            const title = (await page.locator('.sd-page__title').first().textContent()) ?? ''
            pages.push(title)
            expect(await fitsPhone(page), title).toBeLessThanOrEqual(0)
            expect(await cutOff(page), title).toEqual([])
            await answerPage(page, 4)
            if ((await next.count()) === 0) break
            await next.click()
            await page.getByText(title, { exact: true }).waitFor({ state: 'detached' })
          }
          // Every page was seen, in the respondent's language (the attitude page for employees).
          const words = catalogueWordings[locale.slice(0, 2) as 'de' | 'fr' | 'es']
          expect(pages).toContain(words.audiences[audience].importancePage)
          if (audience === 'employee') expect(pages).toContain(words.employee.attitudePage)
          await page.close()
        }
      },
    )
  },
)
