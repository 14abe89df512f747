import { describe, expect, test } from 'vitest'
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
