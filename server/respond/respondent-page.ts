import { escapeHtml } from '../lib/html'
import type { linkView } from './respondent'
import { surveyLanguages } from '../surveys/survey-languages'
import { respondentLanguage } from './respondent-language'

type LinkView = Awaited<ReturnType<typeof linkView>>

/** Where the built shell (client/respond.html) takes the link's title, description and data. */
export const shellMarks = {
  title: '<title>Your feedback</title>',
  heading: '<h1 class="shell-title">Your feedback</h1>',
  description: '<!--survey-description-->',
  data: '<!--survey-data-->',
  brand: '<!--survey-brand-->',
} as const

export type PageBrand = { organisation: string | null; primary: string; logoUrl: string | null }

/**
 * The respondent page for one open link: the built shell with the survey's title and description
 * painted by the server (they stay put when the survey renders below them) and the link's data
 * inlined, so the page needs no API round trip before the first answer.
 */
export function respondentPage(
  shell: string,
  view: LinkView,
  acceptLanguage?: string,
  contactLanguage?: string | null,
  brand?: PageBrand,
) {
  const definition = view.survey.definition
  const locales = surveyLanguages(definition)
  const locale = respondentLanguage(locales, acceptLanguage, contactLanguage)
  const title = escapeHtml(localized(definition.title, locale) || view.wave.name)
  const description = localized(definition.description, locale)
  // Inside <script> only `</script` and `<!--` could end or confuse the block; \u003c keeps
  // the JSON valid and inert.
  const data = JSON.stringify({ ...view, locale, locales }).replace(/</g, '\\u003c')
  const dataTag = `<script type="application/json" id="survey-data">${data}</script>`
  let page = shell
    .replace(/<html\b[^>]*>/, () => `<html lang="${escapeHtml(locale)}">`)
    .replace(/--brand: ?#[0-9a-f]{6};/i, (own) => brandColour(brand) ?? own)
    .replace(shellMarks.brand, () => brandBar(brand))
    .replace(shellMarks.title, () => `<title>${title}</title>`)
    .replace(shellMarks.heading, () => `<h1 class="shell-title">${title}</h1>`)
  if (description) {
    const p = `<p class="shell-description">${escapeHtml(description)}</p>`
    page = page.replace(shellMarks.description, () => p)
  }
  return page.includes(shellMarks.data)
    ? page.replace(shellMarks.data, () => dataTag)
    : page.replace('</body>', () => `${dataTag}</body>`)
}

/** SurveyJS strings are plain or `{ default, <locale>… }`. */
function localized(value: unknown, locale: string): string {
  if (typeof value === 'string') return value
  if (!value || typeof value !== 'object') return ''
  const texts = value as Record<string, unknown>
  const text = texts[locale] ?? texts.default
  if (typeof text === 'string') return text
  return (Object.values(texts).find((t) => typeof t === 'string') as string | undefined) ?? ''
}

// The colour goes into the shell's own stylesheet (no style attribute for the CSP to refuse). It
// was checked as #rrggbb when saved; checked again here because it lands in markup.
const brandColour = (brand?: PageBrand) =>
  brand && /^#[0-9a-f]{6}$/i.test(brand.primary) ? `--brand:${brand.primary};` : null

/** The company's logo and name above the survey's header, when the programme has either. */
function brandBar(brand?: PageBrand) {
  if (!brand || (!brand.organisation && !brand.logoUrl)) return ''
  const name = brand.organisation ? escapeHtml(brand.organisation) : ''
  // With the name beside it the logo is decoration; alone, it is the name.
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${name ? '' : 'Logo'}" height="32">`
    : ''
  return `<div class="shell-brand"><p>${logo}${name ? `<span>${name}</span>` : ''}</p></div>`
}
