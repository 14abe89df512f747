import type { AggregateSpec } from '../../reports'
import { aggregateFromCodeFold, emptyCodeFold, foldRatingCodes, ratingCode } from '../../reports'
import { replaceAggregates } from '../db/aggregates'
import type { Store } from '../db/client'
import {
  FIRST_RESPONSE_ID,
  getAnswers,
  listAnswersPage,
  listRatingsPage,
  setRatingCodes,
} from '../db/responses'
import type { Audience } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import { responseRecord } from '../surveys/response-record'
import { withReportingPeriod } from '../surveys/reporting-period'

const PAGE = 5000

type StoredAnswers = {
  answers: Record<string, unknown>
  segments: Record<string, string>
  submittedAt: Date
}

/**
 * Recomputes a wave's aggregates from its stored responses and swaps them in atomically; must
 * give exactly the incrementally kept numbers. By default it folds each response's rating code
 * (written with it, under the wave's pinned survey version); `fromAnswers` re-derives every
 * rating from the SurveyJS answers instead (the deep repair path, after a mapping fix).
 */
export async function rebuildWaveAggregates(
  store: Store,
  waveId: string,
  options: { fromAnswers?: boolean; onProgress?: (done: number) => void } = {},
) {
  const loaded = await loadWaveSurvey(store.db, waveId)
  if (!loaded) return null
  const { wave, spec } = loaded
  const items = 2 + 2 * (spec.attributes[wave.audience]?.length ?? 0)
  const columns = spec.segments?.length ?? 0
  // A code made under another spec (e.g. before the contact list brought a column) is re-derived.
  const fits = (code: string) =>
    code.length > items &&
    code.charCodeAt(items) === 91 && // '['
    (JSON.parse(code.slice(items)) as unknown[]).length === columns

  // Every response of a wave answered the wave's pinned survey version; segment values the
  // survey did not ask (or left unanswered) are the contact's, stored with the response.
  const codeFromAnswers = (r: StoredAnswers) => {
    const record = responseRecord(wave.audience, loaded.survey.definition, r.answers)
    const stored: Record<string, string | null> = { ...r.segments }
    for (const [k, v] of Object.entries(record.segments)) if (v) stored[k] = v
    const segments = withReportingPeriod(wave, stored, r.submittedAt)
    return ratingCode({ ...record, segments }, spec)
  }

  let fold = emptyCodeFold()
  let count = 0
  for (let afterId = FIRST_RESPONSE_ID; ;) {
    const page: ({ id: number; ratings: string } & Partial<StoredAnswers>)[] = options.fromAnswers
      ? await listAnswersPage(store.db, waveId, afterId, PAGE)
      : await listRatingsPage(store.db, waveId, afterId, PAGE)
    if (page.length === 0) break
    const rows: { audience: Audience; code: string }[] = []
    const stale: { id: number; ratings: string }[] = []
    for (const r of page) {
      const stored =
        r.answers && r.segments && r.submittedAt
          ? { answers: r.answers, segments: r.segments, submittedAt: r.submittedAt }
          : null
      let code = stored ? codeFromAnswers(stored) : r.ratings
      // Responses stored before rating codes existed are read from their answers.
      if (!fits(code))
        code = codeFromAnswers(
          (await getAnswers(store.db, r.id)) ?? {
            answers: {},
            segments: {},
            submittedAt: new Date(0),
          },
        )
      rows.push({ audience: wave.audience, code })
      if (stored && code !== r.ratings) stale.push({ id: r.id, ratings: code })
    }
    // A deep rebuild also rewrites codes made under another spec, so later rebuilds fold them.
    for (let i = 0; i < stale.length; i += 500) {
      const [first, ...rest] = setRatingCodes(store.db, stale.slice(i, i + 500))
      await store.atomic([first!, ...rest])
    }
    fold = foldRatingCodes(fold, spec as AggregateSpec, rows)
    count += page.length
    options.onProgress?.(count)
    afterId = page[page.length - 1]!.id
  }
  const written = await replaceAggregates(store, waveId, aggregateFromCodeFold(fold, spec))
  return { wave, responses: count, ...written }
}
