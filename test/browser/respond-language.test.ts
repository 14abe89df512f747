import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { answerSurvey } from '../helpers/answer-survey'
import { launchBrowser, screenshotDir } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

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

const attributes = (rows: unknown[]) => ({
  type: 'matrix',
  name: 'attributes',
  title: { default: 'How satisfied are you with…', de: 'Wie zufrieden sind Sie mit…' },
  columns: [1, 2, 3, 4, 5],
  rows,
})

const germanSurvey = {
  locale: 'de',
  title: 'Kundenbefragung',
  pages: [
    {
      name: 'gesamt',
      elements: [
        {
          type: 'rating',
          name: 'overall',
          title: 'Wie zufrieden sind Sie insgesamt?',
          isRequired: true,
          rateMin: 1,
          rateMax: 5,
        },
      ],
    },
    {
      name: 'details',
      elements: [
        attributes([
          { value: 'delivery', text: 'Lieferung' },
          { value: 'support', text: 'Beratung' },
        ]),
      ],
    },
  ],
}

const bilingualSurvey = {
  title: { default: 'Customer survey', de: 'Kundenbefragung' },
  pages: [
    {
      name: 'overall',
      elements: [
        {
          type: 'rating',
          name: 'overall',
          title: { default: 'How satisfied are you overall?', de: 'Wie zufrieden insgesamt?' },
          isRequired: true,
          rateMin: 1,
          rateMax: 5,
        },
      ],
    },
    {
      name: 'details',
      elements: [
        attributes([
          { value: 'delivery', text: { default: 'Delivery', de: 'Lieferung' } },
          { value: 'support', text: { default: 'Advice', de: 'Beratung' } },
        ]),
      ],
    },
  ],
}

async function openWave(id: string, definition: unknown) {
  const file = join(dirname(server.env.DATABASE_PATH!), `${id}.json`)
  writeFileSync(file, JSON.stringify(definition))
  await server.csi('survey', 'import', file, '--audience', 'customer', '--id', id)
  const out = await server.csi('wave', 'create', '--survey', id, '--name', id, '--open', '--json')
  return JSON.parse(out) as { id: string; link: string }
}

/** Every built chunk that is one of survey-core's translations (survey-core has English). */
function translationChunks() {
  const dist = join(repoRoot, 'client/dist/assets')
  return readdirSync(dist).filter((f) => {
    if (!f.endsWith('.js')) return false
    const code = readFileSync(join(dist, f), 'utf8')
    return code.length < 50_000 && code.includes('pageNextText:')
  })
}

function scriptsOf(page: Page) {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.slice(8))
  })
  return scripts
}

describe('respondent page in the survey language', { timeout: 0 }, () => {
  test('a German survey shows survey-core in German and loads only the German strings', async () => {
    const wave = await openWave('kunden-de', germanSurvey)
    const page = await browser.newPage({
      viewport: { width: 375, height: 800 },
      locale: 'en-GB',
    })
    const scripts = scriptsOf(page)
    await page.goto(wave.link)
    const next = page.locator('.sd-navigation__next-btn').filter({ visible: true })
    await next.waitFor()
    expect(await next.evaluate((b) => (b as HTMLInputElement).value || b.textContent)).toBe(
      'Weiter',
    )
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    await next.click()
    await page.getByText('Bitte beantworten Sie diese Frage.').waitFor()
    await page.screenshot({ path: join(screenshotDir, 'respond-de-375.png'), fullPage: true })
    await expect(page.getByText('Response required.').count()).resolves.toBe(0)
    // No switch for a survey in one language.
    await expect(page.locator('#respond-language').count()).resolves.toBe(0)

    const chunks = translationChunks()
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks.filter((f) => scripts.includes(f))).toEqual([
      chunks.find((f) => f.startsWith('german-')),
    ])
    await page.close()
  })

  test('a survey in two languages opens in the browser language and switches, answers kept', async () => {
    const wave = await openWave('kunden-en-de', bilingualSurvey)
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    const scripts = scriptsOf(page)
    await page.goto(wave.link)
    await page.getByText('How satisfied are you overall?').waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.locator('.sd-rating__item').filter({ hasText: '4' }).click()
    const selected = page.locator('.sd-rating__item--selected')
    await expect(selected.textContent()).resolves.toContain('4')

    const language = page.getByLabel('Language')
    await language.focus()
    await language.selectOption('de')
    await page.getByText('Wie zufrieden insgesamt?').waitFor()
    await page.locator('.shell-title', { hasText: 'Kundenbefragung' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    await expect(selected.textContent()).resolves.toContain('4')
    await expect(page.getByLabel('Sprache').inputValue()).resolves.toBe('de')
    await page.screenshot({ path: join(screenshotDir, 'respond-language-switch.png') })
    const next = page.locator('.sd-navigation__next-btn').filter({ visible: true })
    expect(await next.evaluate((b) => (b as HTMLInputElement).value || b.textContent)).toBe(
      'Weiter',
    )
    // The answer given in English carries on: the next page opens without a required error.
    await next.click()
    await page.getByText('Lieferung').waitFor()
    expect(scripts.some((f) => f.startsWith('german-'))).toBe(true)
    await page.close()

    // A German browser gets the survey in German from the start.
    const german = await browser.newPage({ locale: 'de-DE' })
    await german.goto(wave.link)
    await german.getByText('Wie zufrieden insgesamt?').waitFor()
    expect(await german.evaluate(() => document.documentElement.lang)).toBe('de')
    await expect(german.getByLabel('Sprache').inputValue()).resolves.toBe('de')
    await german.close()
  })

  test('one wave answered in German and in French: survey-core speaks each, the report splits by language', async () => {
    const trilingual = {
      ...bilingualSurvey,
      title: { default: 'Customer survey', de: 'Kundenbefragung', fr: 'Enquête client' },
    }
    const wave = await openWave('kunden-en-de-fr', trilingual)
    const answerIn = async (locale: string, next: string, lang: string) => {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 }, locale })
      await page.goto(wave.link)
      const button = page.locator('.sd-navigation__next-btn').filter({ visible: true })
      await button.waitFor()
      expect(await button.evaluate((b) => (b as HTMLInputElement).value || b.textContent)).toBe(
        next,
      )
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang)
      await page.screenshot({ path: join(screenshotDir, `respond-${lang}-start-375.png`) })
      await answerSurvey(page, lang === 'de' ? 2 : 5)
      await page.close()
    }
    await answerIn('de-DE', 'Weiter', 'de')
    await answerIn('fr-FR', 'Suivant', 'fr')

    const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'admin@example.com', password: 'correct horse battery' }),
    })
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const report = await (
      await fetch(`${server.url}/api/waves/${wave.id}/report?by=language`, { headers: { cookie } })
    ).json()
    const byLanguage = report.groups
      .filter((g: { segment: { column: string } | null }) => g.segment?.column === 'language')
      .map((g: { segment: { value: string }; n: number }) => [g.segment.value, g.n])
      .sort()
    expect(byLanguage).toEqual([
      ['de', 1],
      ['fr', 1],
    ])
  })
})
