import { escapeHtml } from '../lib/html'

const placeholder = /\{([^{}\s]*)\}/g

/** The placeholders in `text` that are not in `allowed`, each once, in order of appearance. */
export function unknownPlaceholders(text: string, allowed: readonly string[]): string[] {
  const unknown = [...text.matchAll(placeholder)]
    .map((m) => m[1]!)
    .filter((n) => !allowed.includes(n))
  return [...new Set(unknown)]
}

export const usesPlaceholder = (text: string, name: string) => text.includes(`{${name}}`)

export type Values = Record<string, string>

/** Plain text: each placeholder becomes its value (values are cleaned by the caller). */
export const fillText = (text: string, values: Values) =>
  text.replace(placeholder, (whole, name: string) => values[name] ?? whole)

/**
 * HTML: the words are escaped, and each placeholder becomes its escaped value, or the markup
 * given for it in `rich` (the close date in bold, the survey link as a link).
 */
export function fillHtml(text: string, values: Values, rich: Record<string, string> = {}) {
  let out = ''
  let at = 0
  for (const m of text.matchAll(placeholder)) {
    out += escapeHtml(text.slice(at, m.index))
    const name = m[1]!
    out += rich[name] ?? (name in values ? escapeHtml(values[name]!) : escapeHtml(m[0]))
    at = m.index + m[0].length
  }
  return out + escapeHtml(text.slice(at))
}
