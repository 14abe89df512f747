import { jsonErrorAt } from './json-error-at'

export type SurveyJson = Record<string, unknown>

export type ParsedFile = { ok: true; definition: SurveyJson } | { ok: false; message: string }

/** Line and column (both from 1) of a character offset, as an editor shows them. */
export function lineColumn(text: string, offset: number) {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 }
}

const isObject = (v: unknown): v is SurveyJson =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * A chosen file as a SurveyJS definition, or why not in words that name the file and, for
 * broken JSON, the line and column where reading stopped. The lint itself runs on the server.
 */
export function parseSurveyFile(fileName: string, raw: string): ParsedFile {
  const text = raw.replace(/^\uFEFF/, '')
  if (text.trim() === '') return { ok: false, message: `${fileName} is empty.` }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    const at = jsonErrorAt(text)
    if (at === null) throw err
    const { line, column } = lineColumn(text, at)
    const near = /^\w+|^[^]/.exec(text.slice(at))?.[0]
    const what = near
      ? `unexpected ${near === '\n' ? 'line break' : `“${near}”`}`
      : 'the file ends too early'
    return {
      ok: false,
      message: `${fileName} is not valid JSON: at line ${line}, column ${column}, ${what}.`,
    }
  }
  if (!isObject(value))
    return {
      ok: false,
      message: `${fileName} is JSON, but not a SurveyJS survey: expected an object with "pages" or "elements".`,
    }
  if (
    !Array.isArray(value.pages) &&
    !Array.isArray(value.elements) &&
    !Array.isArray(value.questions)
  )
    return {
      ok: false,
      message: `${fileName} is JSON, but not a SurveyJS survey: it has no "pages" or "elements".`,
    }
  return { ok: true, definition: value }
}
