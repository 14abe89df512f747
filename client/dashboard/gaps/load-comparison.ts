import { api, readError } from '../../api'
import type { WaveDetail, WaveReport } from '../shell/api-types'
import { compareCandidates, gapsQuery, pickCompare, theirCount } from './compare-choice'

/** Waves tried for a default at most: each is one report request. */
const MAX_TRIES = 6

export type Comparison = {
  ids: string[]
  report: WaveReport
  /** Picked by the page (no `?with=`): how, so the page can say so. */
  auto: null | { enough: boolean; threshold: number }
}

async function gapsReport(detail: WaveDetail, ids: readonly string[], signal: AbortSignal) {
  const { wave, peers } = detail
  const res = await api.api.waves[':id'].report.$get(
    { param: { id: wave.id }, query: gapsQuery(wave.audience, ids, peers.compare) },
    { init: { signal } },
  )
  if (!res.ok) throw await readError(res)
  return res.json()
}

/**
 * The chosen comparison's report; without a choice, the wave closest in time to this one with
 * enough responses to test, found by asking for the candidates' gaps in turn: HR may not list
 * customer waves, but the gaps report counts their responses.
 */
export async function loadComparison(
  detail: WaveDetail,
  asked: string[] | null,
  signal: AbortSignal,
): Promise<Comparison | null> {
  if (asked) return { ids: asked, report: await gapsReport(detail, asked, signal), auto: null }
  const candidates = compareCandidates(detail.wave, detail.peers.compare).slice(0, MAX_TRIES)
  const tried: { id: string; n: number | null }[] = []
  const reports = new Map<string, WaveReport>()
  let threshold = 0
  for (const p of candidates) {
    const report = await gapsReport(detail, [p.id], signal)
    threshold = report.config.minGroup
    const n = theirCount(report, p.audience)
    tried.push({ id: p.id, n })
    reports.set(p.id, report)
    if (n !== null && n >= threshold) break
  }
  const id = pickCompare(tried, threshold)
  if (id === null) return null
  const n = tried.find((t) => t.id === id)!.n
  return {
    ids: [id],
    report: reports.get(id)!,
    auto: { enough: n !== null && n >= threshold, threshold },
  }
}
