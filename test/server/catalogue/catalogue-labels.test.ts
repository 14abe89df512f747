import { describe, expect, test } from 'vitest'
import { catalogueWordings } from '../../../server/surveys/catalogue-wording'
import { missingTranslations } from '../../../server/surveys/missing-translations'
import { starterCatalogue } from '../../../server/surveys/starter-catalogue'
import { surveyLanguages } from '../../../server/surveys/survey-languages'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

async function admin() {
  const t = await makeTestApp()
  const cookie = await signedInAs(t.app, t.store, 'admin')
  const call = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { cookie, Origin: 'http://localhost:8787', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  return { ...t, call }
}

const item = (key: string, labels?: Record<string, string>) => ({
  key,
  kind: 'attribute',
  label: `Label of ${key}`,
  ...(labels && { labels }),
  description: null,
  audiences: ['customer'],
})

describe('catalogue labels per language', () => {
  test('are saved canonical, exported as label_<tag> columns and imported back', async () => {
    const t = await admin()
    const saved = await t.call('PUT', '/api/catalogue', {
      items: [
        item('delivery', { DE: 'Lieferung', fr: 'Livraison', es: '' }),
        item('support', { de: 'Beratung' }),
        item('price'),
      ],
    })
    expect(saved.status).toBe(200)
    const { items } = await saved.json()
    expect(items.map((i: { labels?: unknown }) => i.labels)).toEqual([
      { de: 'Lieferung', fr: 'Livraison' },
      { de: 'Beratung' },
      undefined,
    ])
    const csv = await (await t.call('GET', '/api/catalogue/csv')).text()
    const [header, first] = csv.split(/\r?\n/)
    expect(header).toMatch(/,label_de,label_fr$/)
    expect(first).toMatch(/,Lieferung,Livraison$/)

    // The file comes back as it went out (a spreadsheet round trip).
    const back = await t.call('POST', '/api/catalogue/csv', { csv })
    expect(back.status).toBe(200)
    expect((await back.json()).items).toEqual(items)

    // The builder writes localisable rows, so the survey is in three languages.
    const built = await (
      await t.call('POST', '/api/catalogue/build', { audience: 'customer' })
    ).json()
    const matrix = built.definition.pages
      .flatMap((p: { elements: { name: string }[] }) => p.elements)
      .find((e: { name: string }) => e.name === 'attributes')
    expect(matrix.rows[0]).toEqual({
      value: 'delivery',
      text: { default: 'Label of delivery', de: 'Lieferung', fr: 'Livraison' },
    })
    expect(matrix.rows[2]).toEqual({ value: 'price', text: 'Label of price' })
    expect(surveyLanguages(built.definition)).toEqual(['en', 'de', 'fr'])
  })

  test('a tag that is not a language is refused by field and by CSV column', async () => {
    const t = await admin()
    const res = await t.call('PUT', '/api/catalogue', {
      items: [item('delivery', { 'Deutsch!': 'Lieferung' })],
    })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.issues).toContainEqual({
      path: 'items.0.labels.Deutsch!',
      message: '"Deutsch!" is not a BCP 47 language tag (e.g. de, fr-CA)',
    })
    const csv =
      'key,label,customer,wholesaler,retailer,employee,label_xx-!!\ndelivery,Delivery,yes,,,,Lieferung\n'
    const imported = await t.call('POST', '/api/catalogue/csv', { csv })
    expect(imported.status).toBe(400)
    expect((await imported.json()).error.issues).toEqual([
      {
        path: 'row 2.label_xx-!!',
        message: '"xx-!!" is not a BCP 47 language tag (e.g. de, fr-CA)',
      },
    ])
  })

  test('a survey built for a programme in en, de, fr and es lacks only the label without label_es', async () => {
    const t = await admin()
    const languages = await t.call('PUT', '/api/settings/brand', {
      languages: ['en', 'de', 'fr', 'es'],
    })
    expect(languages.status).toBe(200)
    const all = { de: 'Lieferung', fr: 'Livraison', es: 'Entrega' }
    await t.call('PUT', '/api/catalogue', {
      items: [item('delivery', all), item('support', { de: 'Beratung', fr: 'Conseil' })],
    })
    // A new survey, so nothing of an earlier version (segments, title) is carried over.
    const res = await t.call('POST', '/api/catalogue/build', {
      audience: 'customer',
      surveyId: 'customer-2027',
      importance: true,
    })
    expect(res.status).toBe(200)
    const built = await res.json()
    expect(surveyLanguages(built.definition)).toEqual(['en', 'de', 'fr', 'es'])
    expect(missingTranslations(built.definition, ['en', 'de', 'fr', 'es'])).toEqual([
      {
        language: 'es',
        count: 2,
        examples: [
          'attributes_page › attributes › rows › support › text',
          'importance_page › importance › rows › support › text',
        ],
      },
    ])
    expect(built.definition.title).toMatchObject({
      fr: catalogueWordings.fr.audiences.customer.title,
    })
    expect(built.title).toBe(catalogueWordings.en.audiences.customer.title)
  })

  test('a published multilingual survey rebuilds multilingual: its title and areas stay translated', async () => {
    const t = await admin()
    await t.call('PUT', '/api/settings/brand', { languages: ['en', 'fr'] })
    const body = { audience: 'employee', surveyId: 'staff-2027' }
    expect((await t.call('POST', '/api/catalogue/publish', body)).status).toBe(200)
    const again = await (await t.call('POST', '/api/catalogue/build', body)).json()
    const { fr } = catalogueWordings
    expect(again.definition.title).toEqual({
      default: catalogueWordings.en.audiences.employee.title,
      fr: fr.audiences.employee.title,
    })
    const department = again.definition.pages
      .flatMap((p: { elements: { name: string }[] }) => p.elements)
      .find((e: { name: string }) => e.name === 'department')
    expect(department.choices.map((c: { text: { fr: string } }) => c.text.fr)).toEqual(
      Object.values(fr.departments),
    )
    // Only the starter catalogue's labels lack French (it has no label_fr).
    const [french, ...others] = missingTranslations(again.definition, ['en', 'fr'])
    expect(others).toEqual([])
    const employeeItems = starterCatalogue().filter((i) => i.audiences.includes('employee'))
    expect(french).toMatchObject({ language: 'fr', count: employeeItems.length })
    for (const where of french!.examples) expect(where).toMatch(/› (attributes|attitude) › rows ›/)
  })
})
