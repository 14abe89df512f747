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

/** The survey's language closest to the browser's `Accept-Language`, else its first language. */
export function respondentLanguage(languages: readonly string[], acceptLanguage = '') {
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) }
    })
    .filter((w) => w.tag && w.tag !== '*' && w.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of wanted) {
    const exact = languages.find((l) => l.toLowerCase() === tag)
    const primary = languages.find((l) => l.toLowerCase().split('-')[0] === tag.split('-')[0])
    if (exact ?? primary) return (exact ?? primary)!
  }
  return languages[0] ?? 'en'
}
