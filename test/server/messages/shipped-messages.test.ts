import { describe, expect, test } from 'vitest'
import type { MessageContent } from '../../../server/mail/mailer'
import { languagePacks } from '../../../server/messages/defaults'
import { digestContent } from '../../../server/messages/digest-email'
import { acknowledgementContent, alertContent } from '../../../server/messages/follow-up-email'
import type { MessageKind } from '../../../server/messages/message-kinds'
import { kindsFor, placeholdersOf, shippedLanguages } from '../../../server/messages/message-kinds'
import { unknownPlaceholders } from '../../../server/messages/placeholders'
import { messageContent } from '../../../server/messages/survey-email'
import { audiences } from '../../../server/surveys/audiences'

const SURVEY = 'https://csi.example.com/s/Tok3n'
const UNSUBSCRIBE = 'https://csi.example.com/u/Tok3n'
const ALERT = 'https://csi.example.com/alerts/a1'
const ALERTS = 'https://csi.example.com/alerts?owner=am%40acme.example'
const closesAt = new Date('2026-12-11T12:00:00Z')
const facts = { name: 'Ana Ruiz', organisation: 'Acme Ltd', wave: 'Q4 2026' }

// Written out by hand, not by the code under test: the day each language's readers expect.
const closeDate = {
  en: 'Friday 11 December 2026',
  de: 'Freitag, 11. Dezember 2026',
  fr: 'vendredi 11 décembre 2026',
  es: 'viernes, 11 de diciembre de 2026',
}

// What a reader sees: tags dropped, entities decoded, every kind of space one space.
const visible = (html: string) =>
  html
    .replace(/<div style="display:none[^]*?<\/div>/, '')
    .replace(/<title>[^]*?<\/title>/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const flat = (s: string) => s.replace(/[\s\u00a0]+/g, ' ')

function render(language: string, audience: (typeof audiences)[number], kind: MessageKind) {
  const common = { language, organisation: facts.organisation, waveName: facts.wave }
  if (kind === 'invitation' || kind === 'reminder')
    return messageContent({
      ...common,
      audience,
      kind,
      reminderNumber: kind === 'reminder' ? 1 : 0,
      recipientName: facts.name,
      surveyUrl: SURVEY,
      unsubscribeUrl: UNSUBSCRIBE,
      closesAt,
      minutes: 3,
    })
  const trade = audience as 'customer' | 'wholesaler' | 'retailer'
  if (kind === 'digest')
    return digestContent({
      language,
      organisation: facts.organisation,
      date: closesAt,
      alerts: [
        {
          waveName: facts.wave,
          contact: `${facts.name} <ana@example.com>`,
          reasons: ['Overall satisfaction: 2 of 5'],
          alertUrl: ALERT,
        },
      ],
      alertsUrl: ALERTS,
    })
  if (kind === 'acknowledgement' || kind === 'thanks')
    return acknowledgementContent({
      ...common,
      kind,
      audience: trade,
      recipientName: facts.name,
      unsubscribeUrl: UNSUBSCRIBE,
    })
  return alertContent({
    ...common,
    audience: trade,
    contact: `${facts.name} <ana@example.com>`,
    reasons: ['Overall satisfaction: 2 of 5'],
    alertUrl: ALERT,
  })
}

const cases = shippedLanguages.flatMap((language) =>
  audiences.flatMap((audience) => kindsFor(audience).map((kind) => ({ language, audience, kind }))),
)

describe('shipped message defaults', () => {
  test('every language has every audience × kind the product sends', () => {
    // Three audiences with five kinds, the owners' digest (under customer), employees two.
    expect(cases).toHaveLength(4 * (3 * 5 + 1 + 2))
    for (const { language, audience, kind } of cases)
      expect(
        languagePacks[language].templates[audience][kind],
        `${language} ${audience} ${kind}`,
      ).toBeDefined()
  })

  test.each(cases)(
    '$language $audience $kind: only known placeholders',
    ({ language, audience, kind }) => {
      const words = languagePacks[language].templates[audience][kind]!
      for (const [field, text] of Object.entries(words))
        expect(unknownPlaceholders(text, placeholdersOf[kind]), `${field}: ${text}`).toEqual([])
    },
  )

  test.each(cases)(
    '$language $audience $kind: renders, with the same facts in text and HTML',
    ({ language, audience, kind }) => {
      const m: MessageContent = render(language, audience, kind)
      for (const part of [m.subject, m.text, m.html]) expect(part).not.toMatch(/\{[A-Za-z]*\}/)
      expect(m.html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${language}"`))
      expect(m.subject).not.toMatch(/[\r\n]/)
      const text = flat(m.text)
      const html = flat(visible(m.html))
      const expected: string[] =
        kind === 'alert'
          ? [`${facts.name} <ana@example.com>`, facts.wave, 'Overall satisfaction: 2 of 5', ALERT]
          : kind === 'digest'
            ? [
                `${facts.name} <ana@example.com>`,
                facts.wave,
                'Overall satisfaction: 2 of 5',
                ALERT,
                ALERTS,
              ]
            : [facts.name, facts.organisation, UNSUBSCRIBE]
      if (kind === 'invitation' || kind === 'reminder')
        expected.push(facts.wave, SURVEY, closeDate[language])
      if (kind === 'digest') expect(m.subject).toContain(closeDate[language])
      for (const fact of expected) {
        expect(text, `text has ${fact}`).toContain(fact)
        // A link is a link in HTML: its address is in the href, whatever the words on it.
        if (fact.startsWith('https:')) expect(m.html).toContain(`href="${fact}"`)
        else expect(html, `HTML has ${fact}`).toContain(fact)
      }
      // Every sentence of the words is in both bodies (placeholders filled the same way).
      const sentences = text
        .split(/\n\n/)
        .filter((p) => !p.startsWith('--') && !/https?:/.test(p))
        .map((p) => flat(p).trim())
      for (const s of sentences) expect(html, `HTML has "${s}"`).toContain(s)
      for (const line of m.text.split('\n'))
        if (!/^\S*https?:\/\//.test(line) && !line.includes('http'))
          expect(line.length, line).toBeLessThanOrEqual(78)
    },
  )

  test.each(shippedLanguages)(
    '%s: the employee messages carry the anonymity promise',
    (language) => {
      const { anonymous, anonymityPromise } = languagePacks[language].chrome
      for (const kind of ['invitation', 'reminder'] as const) {
        const m = render(language, 'employee', kind)
        for (const body of [flat(m.text), flat(visible(m.html))]) {
          expect(body).toContain(anonymous)
          expect(body).toContain(flat(anonymityPromise))
        }
      }
      for (const audience of ['customer', 'wholesaler', 'retailer'] as const)
        expect(flat(render(language, audience, 'invitation').text)).not.toContain(anonymous)
    },
  )

  test('German, French and Spanish words are not English, and address the reader formally', () => {
    const body = (language: 'de' | 'fr' | 'es') =>
      flat(render(language, 'customer', 'invitation').text)
    expect(body('de')).toMatch(/\bSie\b/)
    expect(body('de')).not.toMatch(/\bdu\b|\bdich\b/i)
    expect(body('fr')).toMatch(/\bvous\b|\bvotre\b/i)
    expect(body('fr')).not.toMatch(/\btu\b|\bton\b|\bta\b/i)
    expect(body('es')).toMatch(/\bsu\b|\bsus\b|\busted\b/i)
    expect(body('es')).not.toMatch(/\btú\b|\btu\b/i)
    for (const language of ['de', 'fr', 'es'] as const)
      expect(body(language)).not.toContain('Thank you for your time')
  })

  test('numbers follow the locale, and an unshipped language reads English with its own date', () => {
    const it = render('it', 'customer', 'invitation')
    expect(it.subject).toBe('How are we doing? A 3-minute survey from Acme Ltd')
    expect(flat(it.text)).toContain('venerdì 11 dicembre 2026')
    expect(it.html).toContain('<html lang="it"')
  })
})
