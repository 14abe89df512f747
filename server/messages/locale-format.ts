// UTC keeps a date independent of the server's zone, so Node and Workers render the same day.
const formats = new Map<string, Intl.DateTimeFormat>()

/** The locale used to format a message language: plain English is British, as we always were. */
const formatLocale = (language: string) => (language === 'en' ? 'en-GB' : language)

/** A closing date as the message's readers write it: "Friday 11 December 2026", "Freitag, 11. Dezember 2026". */
export function longDate(d: Date | null, language: string): string | null {
  if (!d || Number.isNaN(d.getTime())) return null
  const locale = formatLocale(language)
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' })
    formats.set(locale, format)
  }
  // Whether en-GB puts a comma after the weekday depends on the ICU build; English drops it.
  if (!locale.startsWith('en')) return format.format(d)
  return format
    .formatToParts(d)
    .filter((p) => p.type !== 'literal')
    .map((p) => p.value)
    .join(' ')
}

/** A whole number with the locale's digits and grouping. */
export const wholeNumber = (n: number, language: string) =>
  new Intl.NumberFormat(formatLocale(language), { maximumFractionDigits: 0 }).format(n)
