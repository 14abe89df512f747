import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import { lintDefinition, shippedSurveys } from '../../server/surveys'
import { buildFromCatalogue } from '../../server/surveys/build-from-catalogue'
import type { CatalogueItem } from '../../server/surveys/catalogue-items'
import { catalogueWordings } from '../../server/surveys/catalogue-wording'
import { missingTranslations } from '../../server/surveys/missing-translations'
import { starterCatalogue } from '../../server/surveys/starter-catalogue'
import { surveyLanguages } from '../../server/surveys/survey-languages'
import { audiences } from '../../server/surveys/types'

type Json = Record<string, any>
const { en, ...others } = catalogueWordings

/** Every leaf of a wording file by its path, with null kept (employees have no re-buy). */
function leaves(value: unknown, path = ''): [string, string | null][] {
  if (value === null || typeof value === 'string') return [[path, value]]
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
}

describe('the builder’s wording files', () => {
  test.each(Object.keys(others))('%s says every English text, and nothing else', (language) => {
    const english = leaves(en)
    const theirs = leaves(others[language as keyof typeof others])
    expect(theirs.map(([path]) => path)).toEqual(english.map(([path]) => path))
    for (const [[path, text], [, own]] of english.map((e, i) => [e, theirs[i]!] as const)) {
      // Where English has no text (no re-buy for employees), neither has the translation.
      expect(own === null, path).toBe(text === null)
      if (own !== null) expect(own.trim(), path).not.toBe('')
    }
    // A translation, not a copy: most texts differ from the English ("Production" may not).
    const same = english.filter(([path, text], i) => text !== null && theirs[i]![1] === text)
    expect(same.length, same.map(([p]) => p).join(', ')).toBeLessThanOrEqual(1)
  })

  test('French puts a no-break space before ? : and !, never a plain one', () => {
    for (const [path, text] of leaves(catalogueWordings.fr))
      expect(text ?? '', path).not.toMatch(/ [?:!;]/)
  })
})

// Labels in German and Spanish everywhere; one attribute lacks its French label.
const translated = (): CatalogueItem[] =>
  starterCatalogue().map((item, i) => ({
    ...item,
    labels: {
      de: `DE ${item.label}`,
      es: `ES ${item.label}`,
      ...(i === 0 ? {} : { fr: `FR ${item.label}` }),
    },
  }))

const all = ['en', 'de', 'fr', 'es']

describe('a survey built for a programme in English, German, French and Spanish', () => {
  test.each(audiences)(
    'the %s survey lacks no text of the builder’s own, only the catalogue label without label_fr',
    (audience) => {
      const catalogue = translated()
      const definition = buildFromCatalogue(catalogue, {
        audience,
        importance: true,
        languages: all,
      })
      expect(lintDefinition(definition)).toEqual([])
      expect(surveyLanguages(definition)).toEqual(all)
      const first = catalogue[0]!
      const missing = missingTranslations(definition, all)
      if (!first.audiences.includes(audience)) return expect(missing).toEqual([])
      // The untranslated label is a row of the attribute and of the importance matrix.
      expect(missing).toEqual([
        {
          language: 'fr',
          count: 2,
          examples: [
            expect.stringMatching(new RegExp(`attributes › rows › ${first.key} › text$`)),
            expect.stringMatching(new RegExp(`importance › rows › ${first.key} › text$`)),
          ],
        },
      ])
    },
  )

  test('a German respondent reads German wording and the German scale in survey-core', () => {
    const definition = buildFromCatalogue(translated(), {
      audience: 'employee',
      importance: true,
      languages: all,
    })
    const model = new Model(definition)
    model.locale = 'de'
    const { de } = catalogueWordings
    expect(model.title).toBe(de.audiences.employee.title)
    expect(model.getQuestionByName('overall').title).toBe(de.audiences.employee.overall)
    const attributes = model.getQuestionByName('attributes') as Json
    expect(attributes.title).toBe(de.audiences.employee.attributes)
    expect(attributes.columns.map((c: Json) => c.text)).toEqual([...de.scales.satisfaction])
    expect(attributes.rows[0].text).toMatch(/^DE /)
    const attitude = model.getQuestionByName('attitude') as Json
    expect(attitude.columns.map((c: Json) => c.text)).toEqual([...de.scales.agreement])
    const department = model.getQuestionByName('department') as Json
    expect(department.choices.map((c: Json) => c.text)).toEqual(Object.values(de.departments))
    expect(model.completeText).toBe(de.completeText)
    model.locale = 'es'
    expect(model.getQuestionByName('comments').title).toBe(
      catalogueWordings.es.audiences.employee.comments,
    )
  })

  test('a language we do not ship keeps the English texts, listed as missing', () => {
    const definition = buildFromCatalogue(starterCatalogue(), {
      audience: 'customer',
      languages: ['en', 'de', 'it'],
    })
    const [german, italian, ...rest] = missingTranslations(definition, ['en', 'de', 'it'])
    expect(rest).toEqual([])
    // German lacks only the starter catalogue's labels (it has no label_de); Italian lacks all.
    const rated = starterCatalogue().filter((i) => i.audiences.includes('customer'))
    expect(german).toMatchObject({ language: 'de', count: rated.length })
    for (const where of german!.examples)
      expect(where).toMatch(/^attributes_page › attributes › rows › /)
    expect(italian!.language).toBe('it')
    expect(italian!.count).toBeGreaterThan(rated.length + 10)
    expect(italian!.examples[0]).toBe('title')
    const model = new Model(definition)
    model.locale = 'it'
    expect(model.getQuestionByName('overall').title).toBe(en.audiences.customer.overall)
  })

  test('a regional tag takes its language’s wording under its own tag', () => {
    const definition = buildFromCatalogue(starterCatalogue(), {
      audience: 'wholesaler',
      languages: ['en', 'de-AT', 'fr-CA'],
    }) as Json
    expect(definition.title).toEqual({
      default: en.audiences.wholesaler.title,
      'de-AT': catalogueWordings.de.audiences.wholesaler.title,
      'fr-CA': catalogueWordings.fr.audiences.wholesaler.title,
    })
    expect(definition.description).toMatchObject({
      'de-AT': expect.stringMatching(/^Als Großhandelspartner/),
    })
  })

  test('a title or area someone typed stays as typed; the shipped ones are translated', () => {
    const definition = buildFromCatalogue(starterCatalogue(), {
      audience: 'employee',
      title: 'Our 2027 staff survey',
      departments: [
        { value: 'sales', text: 'Sales and account management' },
        { value: 'sales_north', text: 'Sales North' },
        { value: 'production', text: 'Plant and production' },
        { value: 'prefer_not_to_say', text: 'Prefer not to say' },
      ],
      languages: ['en', 'fr'],
    }) as Json
    expect(definition.title).toBe('Our 2027 staff survey')
    const department = definition.pages
      .flatMap((p: Json) => p.elements)
      .find((e: Json) => e.name === 'department')
    expect(department.choices.map((c: Json) => c.text)).toEqual([
      { default: 'Sales and account management', fr: 'Ventes et gestion des comptes clients' },
      'Sales North',
      'Plant and production',
      { default: 'Prefer not to say', fr: 'Je préfère ne pas répondre' },
    ])
  })

  test('a language only the catalogue labels are in gets the builder’s wording too', () => {
    const catalogue = starterCatalogue().map((item) => ({
      ...item,
      labels: { es: `ES ${item.label}` },
    }))
    const definition = buildFromCatalogue(catalogue, { audience: 'customer', languages: ['en'] })
    expect(surveyLanguages(definition)).toEqual(['en', 'es'])
    expect(missingTranslations(definition, ['en'])).toEqual([])
  })

  test.each(audiences)(
    'the English wording is the shipped %s survey’s, which stays English only',
    (audience) => {
      const shipped = shippedSurveys.find((s) => s.audience === audience)!.definition as Json
      const built = buildFromCatalogue(starterCatalogue(), { audience }) as Json
      expect(surveyLanguages(shipped)).toEqual(['en'])
      for (const key of ['title', 'description', 'completedHtml'])
        expect(built[key], key).toBe(shipped[key])
      const matrix = (d: Json) =>
        d.pages.flatMap((p: Json) => p.elements).find((e: Json) => e.name === 'attributes')
      expect(matrix(built).columns).toEqual(matrix(shipped).columns)
    },
  )

  test('an English-only programme gets plain strings, as the shipped surveys have them', () => {
    const definition = buildFromCatalogue(starterCatalogue(), { audience: 'retailer' }) as Json
    expect(surveyLanguages(definition)).toEqual(['en'])
    expect(definition.completeText).toBe('Submit')
    expect(definition.pages[0].elements[0].minRateDescription).toBe('Extremely dissatisfied')
  })
})
