import { describe, expect, test } from 'vitest'
import { reasonWords } from '../../../server/messages/alert-reasons'
import { messageLanguage, shippedPack } from '../../../server/messages/message-language'

describe('messageLanguage()', () => {
  test.each([
    ['de', 'fr', 'de'],
    [null, 'fr', 'fr'],
    [undefined, undefined, 'en'],
    ['', 'es', 'es'],
    ['de-at', 'en', 'de-AT'],
    // A tag that is not BCP 47 is passed over, not guessed at.
    ['deutsch_de', 'fr', 'fr'],
    [null, 42, 'en'],
  ])('contact %j, survey %j → %s', (invitation, survey, expected) => {
    expect(messageLanguage(invitation as string | null, survey)).toBe(expected)
  })
})

describe('shippedPack()', () => {
  test('a regional tag reads its language; an unshipped one English, flagged', () => {
    expect(shippedPack('fr-CA')).toMatchObject({ language: 'fr', fallback: false })
    expect(shippedPack('es-419').pack.chrome.unsubscribe).toBe('Darse de baja')
    expect(shippedPack('nl')).toMatchObject({ language: 'en', fallback: true })
  })
})

describe('reasonWords()', () => {
  test.each([
    ['overall:1', 'en', 'Overall satisfaction: 1 of 5'],
    ['overall:1', 'de', 'Gesamtzufriedenheit: 1 von 5'],
    ['rebuy:2', 'fr', 'Intention de racheter\u00a0: 2 sur 5'],
    ['comment', 'es', 'Ha dejado un comentario'],
    ['attribute:delivery_reliability:2', 'es', 'Entregas puntuales: 2 de 5'],
    ['attribute:order_accuracy:1', 'en', 'Order accuracy: 1 of 5'],
    ['overall:1', 'it', 'Overall satisfaction: 1 of 5'],
  ])('%s in %s → %s', (code, language, expected) => {
    expect(reasonWords(code, language, { delivery_reliability: 'Entregas puntuales' })).toBe(
      expected,
    )
  })
})
