import { describe, expect, test } from 'vitest'
import { missingTranslations } from '../../server/surveys/missing-translations'

const definition = {
  title: { default: 'Customer survey', de: 'Kundenumfrage' },
  completedHtml: '<h3>Thank you!</h3>',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'rating',
          name: 'overall',
          title: { default: 'Overall?', de: 'Insgesamt?', fr: 'Globalement ?' },
          minRateDescription: { default: 'Bad', DE: 'Schlecht' },
        },
        {
          type: 'matrix',
          name: 'attributes',
          title: 'How satisfied…',
          rows: [
            { value: 'delivery', text: { default: 'Delivery', de: 'Lieferung' } },
            { value: 'support', text: 'Support' },
          ],
        },
      ],
    },
  ],
}

describe('missingTranslations()', () => {
  test('lists, per wanted language, the texts that would show in the default language', () => {
    // Hand count: 7 shown texts (title, completedHtml, overall's title and low end, the matrix
    // title and its 2 rows). German has 4 of them, French only overall's title.
    expect(missingTranslations(definition, ['en', 'de'])).toEqual([
      {
        language: 'de',
        count: 3,
        examples: [
          'completedHtml',
          'p1 › attributes › title',
          'p1 › attributes › rows › support › text',
        ],
      },
      {
        language: 'fr',
        count: 6,
        examples: [
          'title',
          'completedHtml',
          'p1 › overall › minRateDescription',
          'p1 › attributes › title',
          'p1 › attributes › rows › delivery › text',
        ],
      },
    ])
  })

  test('the default language is never missing; a fully translated survey has nothing to list', () => {
    expect(missingTranslations({ title: 'Hello', locale: 'en' }, ['EN'])).toEqual([])
    expect(missingTranslations({ title: { default: 'Hi', de: 'Hallo' } }, ['en', 'de'])).toEqual([])
    expect(missingTranslations({ title: 'Hi' }, ['en', 'es'])).toEqual([
      { language: 'es', count: 1, examples: ['title'] },
    ])
  })
})
