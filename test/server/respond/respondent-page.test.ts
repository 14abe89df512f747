import { describe, expect, test } from 'vitest'
import { upsertSurvey } from '../../../server/db/surveys'
import { createWave } from '../../../server/db/waves'
import { respondentLanguage } from '../../../server/respond/respondent-language'
import { surveyLanguages } from '../../../server/surveys/survey-languages'
import { respondentPage, shellMarks } from '../../../server/respond/respondent-page'
import { makeTestApp } from '../../helpers/app'

const shell = `<!doctype html><html lang="en"><head>${shellMarks.title}</head><body>
<header>${shellMarks.heading}${shellMarks.description}</header><div id="root"></div>
${shellMarks.data}<script type="module" src="/assets/respond.js"></script></body></html>`

function view(definition: Record<string, unknown>) {
  return {
    wave: { id: 'w-1', name: 'Spring wave', closesAt: null },
    survey: { id: 'customer', version: 1, definition },
    link: { kind: 'open' as const, key: 'w-1', saved: null, prefill: {} },
  }
}

const inlineData = (page: string) =>
  JSON.parse(/<script type="application\/json" id="survey-data">(.*?)<\/script>/s.exec(page)![1]!)

describe('respondentPage()', () => {
  test('writes the title and description into the shell and inlines the link data', () => {
    const page = respondentPage(shell, view({ title: 'Our survey', description: 'Two minutes.' }))
    expect(page).toContain('<title>Our survey</title>')
    expect(page).toContain('<h1 class="shell-title">Our survey</h1>')
    expect(page).toContain('<p class="shell-description">Two minutes.</p>')
    expect(inlineData(page)).toEqual({
      ...view({ title: 'Our survey', description: 'Two minutes.' }),
      locale: 'en',
      locales: ['en'],
    })
  })

  test('markup in survey text is escaped and cannot close the data script', () => {
    const title = '</script><script>alert(1)</script> $& $1'
    const page = respondentPage(shell, view({ title, description: '<b>x</b>' }))
    expect(page).not.toContain('<script>alert(1)')
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; $&amp; $1')
    expect(page).toContain('&lt;b&gt;x&lt;/b&gt;')
    expect(page.match(/<\/script>/g)).toHaveLength(2)
    expect(inlineData(page).survey.definition.title).toBe(title)
  })

  test('a localised title, no description, and the wave name when there is no title', () => {
    const localised = respondentPage(
      shell,
      view({ title: { default: 'Hello', fr: 'Bonjour' }, locale: 'fr' }),
    )
    expect(localised).toContain('<title>Bonjour</title>')
    expect(localised).not.toContain('shell-description')
    expect(respondentPage(shell, view({}))).toContain('<title>Spring wave</title>')
  })

  test('the brand: logo and escaped name above the header, the colour in the shell stylesheet', () => {
    const branded = `<html><head><style>:root{--brand:#19635a;--ink:#111}</style></head><body>
${shellMarks.brand}<header>${shellMarks.heading}</header>${shellMarks.data}</body></html>`
    const brand = {
      organisation: 'Smith & <Co>',
      primary: '#1d4ed8',
      logoUrl: '/brand/logo-0123456789abcdef.png',
    }
    const page = respondentPage(branded, view({}), undefined, null, brand)
    expect(page).toContain(':root{--brand:#1d4ed8;--ink:#111}')
    expect(page).toContain(
      '<div class="shell-brand"><p><img src="/brand/logo-0123456789abcdef.png" alt="" height="32"><span>Smith &amp; &lt;Co&gt;</span></p></div>',
    )
    // A logo alone is the name; no brand at all leaves the shell as built.
    const logoOnly = respondentPage(branded, view({}), undefined, null, {
      ...brand,
      organisation: null,
    })
    expect(logoOnly).toContain('alt="Logo"')
    const plain = respondentPage(branded, view({}), undefined, null, {
      organisation: null,
      primary: '#19635a',
      logoUrl: null,
    })
    expect(plain).not.toContain('shell-brand')
    expect(plain).toContain('--brand:#19635a;')
    // Whatever reached the settings table, only #rrggbb lands in the stylesheet.
    const bad = respondentPage(branded, view({}), undefined, null, {
      ...brand,
      primary: 'red;}</style><script>',
    })
    expect(bad).toContain('--brand:#19635a;')
    expect(bad).not.toContain('red;}')
  })

  test('a shell without the data mark still gets the data before </body>', () => {
    const page = respondentPage('<html><body><div id="root"></div></body></html>', view({}))
    expect(page).toMatch(/id="survey-data">.*<\/script><\/body>/s)
  })
})

describe('GET /s/', () => {
  test('an open link serves the shell with the survey painted and its data inlined', async () => {
    const asset = async (path: string) =>
      path === '/respond.html'
        ? new Response(shell, { headers: { 'Content-Type': 'text/html' } })
        : null
    const { app, db } = await makeTestApp({ asset })
    const { openLinkToken } = await createWave(db, {
      surveyId: 'customer',
      name: 'Pilot',
      openLink: true,
    })
    const first = await app.request(`/s/${openLinkToken}`)
    expect(first.status).toBe(303)
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!
    const res = await app.request('/s/', { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const page = await res.text()
    expect(page).toContain('<h1 class="shell-title">Customer satisfaction survey</h1>')
    expect(page).toContain('class="shell-description"')
    // The same data GET /api/respond answers, so the page needs no round trip for it.
    const api = await (await app.request('/api/respond', { headers: { cookie } })).json()
    expect(inlineData(page)).toEqual({ ...api, locale: 'en', locales: ['en'] })
  })

  test('a multilingual survey is served in the language the browser asks for', async () => {
    const asset = async (path: string) => (path === '/respond.html' ? new Response(shell) : null)
    const { app, store } = await makeTestApp({ asset })
    const definition = {
      locale: 'de',
      title: { default: 'Ihre Meinung', fr: 'Votre avis' },
      pages: [{ elements: [{ type: 'rating', name: 'overall', title: 'Gesamt' }] }],
    }
    await upsertSurvey(store, { id: 'bilingual', audience: 'customer', title: 'B', definition })
    const { openLinkToken } = await createWave(store.db, {
      surveyId: 'bilingual',
      name: 'Pilot',
      openLink: true,
    })
    const first = await app.request(`/s/${openLinkToken}`)
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!
    const open = async (acceptLanguage?: string) => {
      const headers: Record<string, string> = { cookie }
      if (acceptLanguage) headers['accept-language'] = acceptLanguage
      const res = await app.request('/s/', { headers })
      expect(res.status).toBe(200)
      return res.text()
    }
    const french = await open('fr-CH, fr;q=0.9, en;q=0.8')
    expect(french).toContain('<html lang="fr">')
    expect(french).toContain('<title>Votre avis</title>')
    expect(inlineData(french)).toMatchObject({ locale: 'fr', locales: ['de', 'fr'] })
    const german = await open('it, de-AT;q=0.5')
    expect(german).toContain('<html lang="de">')
    expect(inlineData(german).locale).toBe('de')
    const fallback = await open('ja')
    expect(fallback).toContain('<html lang="de">')
    expect(fallback).toContain('<title>Ihre Meinung</title>')
    expect(inlineData(await open()).locale).toBe('de')
  })
})

describe('surveyLanguages()', () => {
  test('the locale first, then every language of the localisable strings', () => {
    expect(surveyLanguages({})).toEqual(['en'])
    expect(surveyLanguages({ locale: 'de', title: 'Umfrage' })).toEqual(['de'])
    const definition = {
      title: { default: 'Survey', fr: 'Enquête' },
      pages: [
        {
          elements: [
            { type: 'text', name: 'q', title: { default: 'Name', es: 'Nombre', 'pt-br': 'Nome' } },
            { type: 'text', name: 'default', defaultValue: { default: 'x', code: 1 } },
          ],
        },
      ],
    }
    expect(surveyLanguages(definition)).toEqual(['en', 'fr', 'es', 'pt-br'])
  })
})

describe('respondentLanguage()', () => {
  test.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['fr;q=0.4, es;q=0.9', 'es'],
    ['EN-gb', 'en'],
    ['pt-BR', 'pt-br'],
    ['pt-PT', 'pt-br'],
    ['*', 'de'],
    ['ja, fr;q=0', 'de'],
    ['', 'de'],
  ])('%j → %s', (header, expected) => {
    expect(respondentLanguage(['de', 'en', 'es', 'fr', 'pt-br'], header)).toBe(expected)
  })
})
