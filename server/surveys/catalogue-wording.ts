import { de } from './catalogue-wording/de'
import { type CatalogueWording, en } from './catalogue-wording/en'
import { es } from './catalogue-wording/es'
import { fr } from './catalogue-wording/fr'
import { matchLanguage } from './survey-languages'
import type { LocalizableText } from './types'

export type { CatalogueWording, Five } from './catalogue-wording/en'

/** The languages the builder writes its own texts in, English first (a built survey's default). */
export const catalogueWordings: Record<'en' | 'de' | 'fr' | 'es', CatalogueWording> = {
  en,
  de,
  fr,
  es,
}

/** The shipped employee survey's areas, used when a build names none. */
export const defaultDepartments = Object.entries(en.departments).map(([value, text]) => ({
  value,
  text,
}))

/**
 * The builder's own wording for a survey in English that a programme also runs in `languages`:
 * each text carries every one of those languages we ship (`de-AT` takes the German, under its
 * own tag, so the missing-translation check finds it); a language we do not ship keeps the
 * English default and stays listed as missing. An English-only programme gets plain strings,
 * exactly as the shipped surveys have them.
 */
export function builderWording(languages: readonly string[]) {
  const shipped = Object.keys(catalogueWordings)
  const others: [string, CatalogueWording][] = []
  for (const tag of languages) {
    const match = matchLanguage(shipped, tag)
    const seen = others.some(([known]) => known.toLowerCase() === tag.toLowerCase())
    if (tag.toLowerCase() !== 'en' && match && !seen)
      others.push([tag, catalogueWordings[match as keyof typeof catalogueWordings]])
  }
  const say = (pick: (w: CatalogueWording) => string | null): LocalizableText => {
    const text = pick(en) ?? ''
    if (others.length === 0) return text
    return { default: text, ...Object.fromEntries(others.map(([tag, w]) => [tag, pick(w) ?? ''])) }
  }
  return {
    en,
    say,
    /** A 1–5 scale's columns, each text in every language. */
    scale: (name: keyof CatalogueWording['scales']) =>
      en.scales[name].map((_, i) => say((w) => w.scales[name][i]!)),
    /**
     * A text the builder wrote in English (a default title, a shipped area name) comes back in
     * every language; anything else someone typed stays as they typed it.
     */
    sayIfOurs: (text: string, ours: string | undefined, pick: (w: CatalogueWording) => string) =>
      text === ours ? say(pick) : text,
  }
}
