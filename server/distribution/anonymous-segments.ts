import type { Store } from '../db/client'
import { ImportRefused } from '../db/staging'
import { surveyVersionWithSpec } from '../db/wave-survey'
import type { Wave } from '../db/waves'
import { isAnonymous } from '../surveys/audiences'
import { reportLabels } from '../surveys/report-labels'

/** Per segment question: its choice values, and each value's text (lower case) → value. */
export type SegmentChoices = ReadonlyMap<string, ReadonlyMap<string, string>>

/**
 * The groups an employee may be put in: only the survey's own segment questions and their
 * choices. A free-text value per contact would let HR define groups as fine as one person, so
 * that a "group" report is one employee's answers (SPEC §6a). Null for named audiences.
 */
export async function anonymousSegmentChoices(
  store: Store,
  wave: Wave,
): Promise<SegmentChoices | null> {
  if (!isAnonymous(wave.audience)) return null
  const entry = await surveyVersionWithSpec(
    store.db,
    wave.surveyId,
    wave.surveyVersion,
    wave.audience,
  )
  const choices = new Map<string, Map<string, string>>()
  for (const segment of reportLabels(entry!.survey.definition).segments) {
    const values = new Map<string, string>()
    for (const [value, text] of Object.entries(segment.values)) {
      values.set(value.toLowerCase(), value)
      values.set(text.toLowerCase(), value)
    }
    choices.set(segment.key, values)
  }
  return choices
}

/** Refuses segment columns that are not the survey's segment questions. */
export function checkAnonymousColumns(choices: SegmentChoices, columns: readonly string[]) {
  const named = [...choices.keys()]
  const bad = columns.filter((c) => !choices.has(c))
  if (bad.length)
    throw new ImportRefused(
      bad.map((c) => ({
        row: 1,
        message: `column "${c}": an employee survey groups people only by its own questions (${named.join(', ') || 'none'})`,
      })),
      bad.length,
    )
}

/** The choice value a cell names (by value or by its text), or a problem in words. */
export function anonymousSegmentValue(
  choices: SegmentChoices,
  column: string,
  cell: string,
): { value: string } | { problem: string } {
  const values = choices.get(column)!
  const value = values.get(cell.toLowerCase())
  if (value) return { value }
  const allowed = [...new Set(values.values())].join(', ')
  return { problem: `${column}: "${cell}" is not one of the survey's answers (${allowed})` }
}
