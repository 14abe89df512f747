import { and, asc, eq, gt } from 'drizzle-orm'
import type { Db } from '../db/client'
import { FIRST_RESPONSE_ID } from '../db/responses'
import { responses } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import { FORMULA_START, toCsv } from '../lib/csv'
import { isAnonymous } from '../surveys/audiences'
import { PERIOD_SEGMENT, wavePeriod } from '../surveys/reporting-period'
import { answerCellsWriter, responseColumns } from './responses-csv'

const PAGE = 2000

/** Employee responses are anonymous: nobody, on any route or command, gets them row by row. */
export class AnonymousExportRefused extends Error {}

/**
 * Streams a wave's responses as CSV (SPEC 5.3): fixed columns, the survey's roles in survey
 * order, then segment columns (a continuous wave's `period` among them), then the remaining answers flattened. Constant memory.
 */
export async function exportResponses(db: Db, waveId: string, write: (chunk: string) => unknown) {
  const loaded = await loadWaveSurvey(db, waveId)
  if (!loaded) return null
  if (isAnonymous(loaded.wave.audience))
    throw new AnonymousExportRefused(
      `wave ${waveId} is an employee survey: its responses are anonymous and are only reported for groups (csi report --wave ${waveId})`,
    )
  const { definition } = loaded.survey
  // A continuous wave's rows say the period each was reported in.
  const { header } = responseColumns(definition, wavePeriod(loaded.wave) ? [PERIOD_SEGMENT] : [])
  const writeAnswers = answerCellsWriter(definition, header)
  const cells = new Array<string | number | undefined>(header.length)
  await write(toCsv([], header))
  let afterId = FIRST_RESPONSE_ID
  let count = 0
  for (;;) {
    const page = await db
      .select({
        id: responses.id,
        waveId: responses.waveId,
        audience: responses.audience,
        mode: responses.mode,
        submittedAt: responses.submittedAt,
        segments: responses.segments,
        answers: responses.answers,
      })
      .from(responses)
      .where(and(eq(responses.waveId, waveId), gt(responses.id, afterId)))
      .orderBy(asc(responses.id))
      .limit(PAGE)
    if (page.length === 0) break
    let text = ''
    for (const r of page) {
      cells.fill(undefined)
      writeAnswers(r.answers, cells)
      const segments: Record<string, string | null | undefined> = r.segments
      // A cell is the answer of that name, else the segment, else the metadata: the order in
      // which the fields would override each other spread into one object.
      for (let i = 0; i < header.length; i++) {
        const h = header[i]!
        const v =
          cells[i] !== undefined
            ? cells[i]
            : Object.hasOwn(segments, h)
              ? segments[h]
              : h === 'respondent'
                ? `r${r.id}`
                : h === 'wave'
                  ? r.waveId
                  : h === 'audience'
                    ? r.audience
                    : h === 'mode'
                      ? r.mode
                      : h === 'submitted_at'
                        ? r.submittedAt.toISOString()
                        : undefined
        text += i === 0 ? csvCell(v) : `,${csvCell(v)}`
      }
      text += '\r\n'
    }
    await write(text)
    count += page.length
    afterId = page[page.length - 1]!.id
  }
  return { count }
}

const QUOTE_NEEDED = /[",\r\n\ufeff]|^ | $/

/**
 * One CSV cell exactly as `toCsv` (papaparse with the formula guard) writes it, without its
 * per-cell generality: a million rows of 27 columns are 27 million calls.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  if (FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`
  return QUOTE_NEEDED.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
