/** The segment a multilingual survey's responses carry: the language each was answered in. */
export const LANGUAGE_SEGMENT = 'language'

/**
 * The languages a SurveyJS definition is written in: its `locale` (English when absent) and every
 * language key of its localisable strings (`{ "default": …, "de": … }`).
 */
export function surveyLanguages(definition: Record<string, unknown>): string[] {
  const first =
    typeof definition.locale === 'string' && definition.locale ? definition.locale : 'en'
  const found = new Set([first])
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk)
    if (!value || typeof value !== 'object') return
    const entries = Object.entries(value)
    const isText = 'default' in value && entries.every(([, v]) => typeof v === 'string')
    for (const [key, v] of entries) {
      if (isText && key !== 'default' && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(key)) found.add(key)
      else walk(v)
    }
  }
  walk(definition)
  return [...found]
}

/** A BCP 47 tag in its canonical case (`pt-BR`), or null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim())
    return canonical ?? null
  } catch {
    return null
  }
}

/**
 * The survey language a wanted tag falls to: the same tag, else the same primary language
 * (`de-AT` answers a `de` survey), else null.
 */
export function matchLanguage(languages: readonly string[], wanted: string): string | null {
  const tag = wanted.trim().toLowerCase()
  if (!tag) return null
  const exact = languages.find((l) => l.toLowerCase() === tag)
  const primary = languages.find((l) => l.toLowerCase().split('-')[0] === tag.split('-')[0])
  return exact ?? primary ?? null
}
