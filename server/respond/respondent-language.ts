import { matchLanguage } from '../surveys/survey-languages'

/**
 * The language a respondent sees: the contact's own (from the contact file) when the survey is
 * written in it, else the closest to the browser's `Accept-Language`, else the survey's first.
 */
export function respondentLanguage(
  languages: readonly string[],
  acceptLanguage = '',
  contactLanguage?: string | null,
) {
  const own = contactLanguage ? matchLanguage(languages, contactLanguage) : null
  if (own) return own
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
    const match = matchLanguage(languages, tag)
    if (match) return match
  }
  return languages[0] ?? 'en'
}
