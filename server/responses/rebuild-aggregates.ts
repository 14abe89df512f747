import type { AggregateSpec } from '../../reports'
import { aggregateFromCodeFold, emptyCodeFold, foldRatingCodes, ratingCode } from '../../reports'
import { replaceAggregates } from '../db/aggregates'
import type { Store } from '../db/client'
import {
  FIRST_RESPONSE_ID,
  getAnswers,
  listAnswersPage,
  listRatingsPage,
} from '../db/responses'
import type { Audience } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import { responseRecord } from '../surveys/response-record'

const PAGE = 5000

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
  const fits = (code: string) => code.length > items && code.charCodeAt(items) === 91 // '['

  // Every response of a wave answered the wave's pinned survey version.
  const codeFromAnswers = (answers: Record<string, unknown>) =>
    ratingCode(responseRecord(wave.audience, loaded.survey.definition, answers), spec)

  let fold = emptyCodeFold()
  let count = 0
  for (let afterId = FIRST_RESPONSE_ID; ;) {
    const page = options.fromAnswers
      ? await listAnswersPage(store.db, waveId, afterId, PAGE)
      : await listRatingsPage(store.db, waveId, afterId, PAGE)
    if (page.length === 0) break
    const rows: { audience: Audience; code: string }[] = []
    for (const r of page) {
      let code = 'answers' in r ? codeFromAnswers(r.answers) : r.ratings
      // Responses stored before rating codes existed are read from their answers.
      if (!fits(code)) code = codeFromAnswers((await getAnswers(store.db, r.id)) ?? {})
      rows.push({ audience: wave.audience, code })
    }
    fold = foldRatingCodes(fold, spec as AggregateSpec, rows)
    count += page.length
    options.onProgress?.(count)
    afterId = page[page.length - 1]!.id
  }
  const written = await replaceAggregates(store, waveId, aggregateFromCodeFold(fold, spec))
  return { wave, responses: count, ...written }
}
