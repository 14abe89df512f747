// The one HTML escaper for text we put into HTML ourselves (emails, printable questionnaires).
const refs: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&${refs[c]};`)

// Control characters (CR/LF above all) would let a wave or company name inject mail headers
// through the subject, or break the text body's layout; Unicode line separators likewise.
export const clean = (s: string | null) =>
  (s ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

export function safeUrl(name: string, value: string): string {
  const url = clean(value)
  if (!/^https?:\/\/\S+$/i.test(url)) throw new TypeError(`${name} must be an http(s) URL`)
  return url
}
