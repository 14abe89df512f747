/** Column names as people write them: BOM dropped, trimmed, lower-case ("E-mail" stays itself). */
export function normaliseHeader(cells: readonly string[]) {
  return cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim().toLowerCase())
}

const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** A cell as stored: control characters (which could end up in mail headers) removed, trimmed. */
export const cleanCell = (value: string | undefined) => (value ?? '').replace(controls, ' ').trim()

const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i

/**
 * A deliverable-looking address: a dot-atom local part and a domain of DNS labels, at most 254
 * characters. Stricter than RFC 5322 on purpose: no quotes, spaces or brackets reach a header.
 */
export function isEmail(value: string) {
  if (value.length > 254) return false
  const at = value.lastIndexOf('@')
  if (at <= 0 || at > 64) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1).split('.')
  return (
    /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local) &&
    domain.length >= 2 &&
    domain.every((l) => label.test(l))
  )
}

/** Segment column names go into JSON paths and report options: keep them plain. */
export const segmentName = /^[a-z_][a-z0-9_ .-]{0,63}$/
