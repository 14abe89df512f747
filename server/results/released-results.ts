import type { AggregateSpec, CellBlock } from '../../reports'
import { aggregatesFromBlocks, answerCounts, groupKey, releaseBlockers } from '../../reports'
import { loadAggregates } from '../db/aggregates'
import type { Store } from '../db/client'
import { cutRelease, getRelease, loadRelease, type Release } from '../db/releases'
import { countResponses } from '../db/responses'
import type { loadWaveSurvey } from '../db/wave-survey'
import { waveState } from '../db/waves'
import { surveyRoles } from '../surveys'
import { attitudeAnswerCounts, attitudeCounts } from './attitude-counts'

type WaveSurvey = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/**
 * The one grouping an anonymous wave may be broken down by: its survey's first segment question.
 * Two groupings could be subtracted from each other (a region that is exactly two departments
 * minus one of them), so a second one is never offered (SPEC §6a).
 */
export function anonymousBreakdown(loaded: WaveSurvey): string | null {
  return surveyRoles(loaded.survey.definition).segments[0] ?? null
}

export type ReleaseInfo = {
  seq: number | null
  responses: number
  releasedAt: string | null
  final: boolean
  /** Responses received since this release, held back until the next one. */
  pending: boolean
  minGroup: number
  closesAt: string | null
}

/**
 * What HR and admin read of an anonymous wave: its latest release, cut here first when one is
 * due: at close, or when every group a viewer can see (the wave, and the groups of its one
 * breakdown) gained no answers or at least k per item since the last release. So no change
 * between two releases can be pinned on fewer than k people (SPEC §6a).
 */
export async function releasedRows(
  store: Store,
  loaded: WaveSurvey,
  k: number,
  now: Date,
): Promise<{ rows: CellBlock[]; release: ReleaseInfo }> {
  const { wave } = loaded
  let release = await getRelease(store.db, wave.id)
  const live = await countResponses(store.db, wave.id)
  const closed = waveState(wave, now) === 'closed'
  const changed = live !== (release?.responses ?? 0)
  // The close releases everything once; answers keyed after it (paper questionnaires) wait for
  // the usual rule, so the final figures cannot be differenced against one late answer either.
  const atClose = closed && !release?.final
  if (atClose || (changed && (await mayRelease(store, loaded, release, k)))) {
    await cutRelease(store, wave.id, {
      seq: (release?.seq ?? 0) + 1,
      responses: live,
      final: closed,
      now,
    })
    release = await getRelease(store.db, wave.id)
  }
  const rows = release ? await loadRelease(store.db, wave.id) : []
  return { rows, release: info(release, live, k, wave.closesAt) }
}

async function mayRelease(store: Store, loaded: WaveSurvey, release: Release | null, k: number) {
  const { wave, spec } = loaded
  const column = anonymousBreakdown(loaded)
  const prefix = column ? `${groupKey(wave.audience, { column, value: '' })}` : null
  const shown = (key: string) =>
    key === wave.audience || (prefix !== null && key.startsWith(prefix))
  const counts = async (rows: CellBlock[]) =>
    answerCounts(aggregatesFromBlocks(rows, spec as AggregateSpec), shown)
  const attitude = await attitudeCounts(store.db, loaded, column)
  const released = release
    ? {
        ...(await counts(await loadRelease(store.db, wave.id))),
        ...attitudeAnswerCounts(attitude.released),
      }
    : {}
  const current = {
    ...(await counts(await loadAggregates(store.db, wave.id))),
    ...attitudeAnswerCounts(attitude.all),
  }
  return releaseBlockers(released, current, k).length === 0
}

function info(
  release: Release | null,
  live: number,
  k: number,
  closesAt: Date | null,
): ReleaseInfo {
  return {
    seq: release?.seq ?? null,
    responses: release?.responses ?? 0,
    releasedAt: release?.releasedAt.toISOString() ?? null,
    final: release?.final ?? false,
    pending: live > (release?.responses ?? 0),
    minGroup: k,
    closesAt: closesAt?.toISOString() ?? null,
  }
}
