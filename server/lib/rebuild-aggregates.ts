import type { ResponseRecord } from '../../reports'
import { rebuildAggregates } from '../db/aggregates'
import type { Store } from '../db/client'
import type { Audience } from '../db/schema'
import { getAnswers, listAnswersPage, listRatingsPage } from '../db/responses'
import { loadWaveSurvey, surveyVersionWithSpec } from '../db/wave-survey'
import { decodeRatings } from './ratings-code'
import { responseRecord } from './response-record'

const PAGE = 5000

type Version = NonNullable<Awaited<ReturnType<typeof surveyVersionWithSpec>>>

/**
 * Recomputes a wave's aggregates from its stored responses (each read with the survey version
 * it answered) and swaps them in atomically; must give exactly the incrementally kept numbers.
 * By default it reads each response's rating code; `fromAnswers` re-derives every rating from
 * the SurveyJS answers instead (the deep repair path, several times slower).
 */
export async function rebuildWaveAggregates(
  store: Store,
  waveId: string,
  options: { fromAnswers?: boolean; onProgress?: (done: number) => void } = {},
) {
  const loaded = await loadWaveSurvey(store.db, waveId)
  if (!loaded) return null
  const { wave, spec } = loaded
  let version: Version | null = null
  const versionOf = async (r: {
    id: number
    surveyId: string
    surveyVersion: number
    audience: Audience
  }) => {
    if (version?.survey.surveyId !== r.surveyId || version.survey.version !== r.surveyVersion) {
      version = await surveyVersionWithSpec(store.db, r.surveyId, r.surveyVersion, r.audience)
      if (!version) throw new Error(`Response ${r.id} answered a missing survey version`)
    }
    return version
  }

  async function* fromCodes(): AsyncGenerator<ResponseRecord[]> {
    for (let afterId = 0, done = 0; ;) {
      const page = await listRatingsPage(store.db, waveId, afterId, PAGE)
      if (page.length === 0) return
      const records: ResponseRecord[] = []
      for (const r of page) {
        const v = await versionOf(r)
        const decoded = decodeRatings(r.ratings, v.spec, r.audience, r.segments)
        // Responses stored before rating codes existed are read from their answers.
        records.push(
          decoded ??
            responseRecord(
              r.audience,
              v.survey.definition,
              (await getAnswers(store.db, r.id)) ?? {},
            ),
        )
      }
      yield records
      options.onProgress?.((done += page.length))
      afterId = page[page.length - 1]!.id
    }
  }

  async function* fromAnswers(): AsyncGenerator<ResponseRecord[]> {
    for (let afterId = 0, done = 0; ;) {
      const page = await listAnswersPage(store.db, waveId, afterId, PAGE)
      if (page.length === 0) return
      const records: ResponseRecord[] = []
      for (const r of page)
        records.push(responseRecord(r.audience, (await versionOf(r)).survey.definition, r.answers))
      yield records
      options.onProgress?.((done += page.length))
      afterId = page[page.length - 1]!.id
    }
  }

  const pages = options.fromAnswers ? fromAnswers() : fromCodes()
  return { wave, ...(await rebuildAggregates(store, waveId, spec, pages)) }
}
