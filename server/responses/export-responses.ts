import type { Db } from '../db/client'
import { FIRST_RESPONSE_ID, listResponsesPage } from '../db/responses'
import { loadWaveSurvey } from '../db/wave-survey'
import { toCsv } from '../lib/csv'
import { isAnonymous } from '../surveys/audiences'
import { flattenAnswers, responseColumns } from './responses-csv'

const PAGE = 2000

/** Employee responses are anonymous: nobody, on any route or command, gets them row by row. */
export class AnonymousExportRefused extends Error {}

/**
 * Streams a wave's responses as CSV (SPEC 5.3): fixed columns, the survey's roles in survey
 * order, then segment columns, then the remaining answers flattened. Constant memory.
 */
export async function exportResponses(db: Db, waveId: string, write: (chunk: string) => unknown) {
  const loaded = await loadWaveSurvey(db, waveId)
  if (!loaded) return null
  if (isAnonymous(loaded.wave.audience))
    throw new AnonymousExportRefused(
      `wave ${waveId} is an employee survey: its responses are anonymous and are only reported for groups (csi report --wave ${waveId})`,
    )
  const { survey } = loaded
  const columns = responseColumns(survey.definition)
  await write(toCsv([], columns.header))
  let afterId = FIRST_RESPONSE_ID
  let count = 0
  for (;;) {
    const page = await listResponsesPage(db, waveId, afterId, PAGE)
    if (page.length === 0) break
    const rows = page.map((r) =>
      columns.row({
        respondent: `r${r.id}`,
        wave: r.waveId,
        audience: r.audience,
        mode: r.mode,
        submitted_at: r.submittedAt.toISOString(),
        ...r.segments,
        ...flattenAnswers(r.answers, survey.definition),
      }),
    )
    await write(toCsv(rows))
    count += page.length
    afterId = page[page.length - 1]!.id
  }
  return { count }
}
