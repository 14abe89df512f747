import { canonicalLanguage } from '../surveys/survey-languages'
import { languagePacks } from './defaults'
import type { ShippedLanguage } from './message-kinds'
import { shippedLanguages } from './message-kinds'

/** The primary subtag: "de-AT" → "de". */
export const baseLanguage = (tag: string) => tag.split('-')[0]!.toLowerCase()

/**
 * The shipped words for a language: its own when we ship them ("de-AT" reads German), else
 * English, with `fallback` set so the preview can say so.
 */
export function shippedPack(language: string) {
  const base = baseLanguage(language)
  const shipped = (shippedLanguages as readonly string[]).includes(base)
  const packLanguage = (shipped ? base : 'en') as ShippedLanguage
  return { pack: languagePacks[packLanguage], language: packLanguage, fallback: !shipped }
}

/**
 * The language a message goes out in: the invitation's (from the contact file), else the
 * survey's own (its SurveyJS `locale`), else English. Unusable tags are passed over.
 */
export function messageLanguage(invitation: string | null | undefined, survey: unknown): string {
  for (const tag of [invitation, survey])
    if (typeof tag === 'string' && tag) {
      const canonical = canonicalLanguage(tag)
      if (canonical) return canonical
    }
  return 'en'
}

export { canonicalLanguage }
