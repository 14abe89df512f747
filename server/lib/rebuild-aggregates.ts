import type { ResponseRecord } from '../../reports'
import { rebuildAggregates } from '../db/aggregates'
import type { Store } from '../db/client'
import { listAnswersPage } from '../db/responses'
import { loadWaveSurvey, surveyVersionWithSpec } from '../db/wave-survey'
import { responseRecord } from './response-record'

const PAGE = 5000

/**
 * Recomputes a wave's aggregates from its raw responses (each read with the survey version it
 * answered) and swaps them in atomically. Must give exactly the incrementally kept numbers.
 */
export async function rebuildWaveAggregates(store: Store, waveId: string, onProgress?: (done: number) => void) {
  const loaded = await loadWaveSurvey(store.db, waveId)
  if (!loaded) return null
  const { wave, spec } = loaded
  async function* pages(): AsyncGenerator<ResponseRecord[]> {
    let afterId = 0
    let done = 0
    for (;;) {
      const page = await listAnswersPage(store.db, waveId, afterId, PAGE)
      if (page.length === 0) return
      const records: ResponseRecord[] = []
      let version: Awaited<ReturnType<typeof surveyVersionWithSpec>> = null
      for (const r of page) {
        if (version?.survey.surveyId !== r.surveyId || version.survey.version !== r.surveyVersion) {
          version = await surveyVersionWithSpec(store.db, r.surveyId, r.surveyVersion, r.audience)
          if (!version) throw new Error(`Response ${r.id} answered a missing survey version`)
        }
        records.push(responseRecord(r.audience, version.survey.definition, r.answers))
      }
      yield records
      done += page.length
      onProgress?.(done)
      afterId = page[page.length - 1]!.id
    }
  }
  return { wave, ...(await rebuildAggregates(store, waveId, spec, pages())) }
}
