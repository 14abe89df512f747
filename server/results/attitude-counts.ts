import type { AttitudeCounts } from '../../reports'
import { groupKey } from '../../reports'
import type { Db } from '../db/client'
import { listAnswersAndSegments } from '../db/responses'
import type { loadWaveSurvey } from '../db/wave-survey'
import { ratingsOf } from '../surveys'
import { attitudeItems } from '../surveys/survey-roles'

type WaveSurvey = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/**
 * Counts per value of each attitude item, for the wave and each group of its one breakdown.
 * Read from the responses, not the aggregates: attitude items are an employee-only HR table and
 * employee waves are small (thousands of rows), so the report aggregates stay as they are.
 */
export async function attitudeCounts(
  db: Db,
  { wave, survey }: WaveSurvey,
  column: string | null,
  releasedOnly: boolean,
): Promise<{ keys: string[]; groups: AttitudeCounts[] }> {
  const keys = attitudeItems(survey.definition).map((i) => i.key)
  if (keys.length === 0) return { keys, groups: [] }
  const parent = groupKey(wave.audience, null)
  const groups = new Map<string, AttitudeCounts & { items: Record<string, number[]> }>()
  const add = (group: string, isParent: boolean, key: string, value: number) => {
    let g = groups.get(group)
    if (!g) groups.set(group, (g = { group, parent: isParent ? null : parent, items: {} }))
    ;(g.items[key] ??= [0, 0, 0, 0, 0])[value - 1]! += 1
  }
  for (const r of await listAnswersAndSegments(db, wave.id, releasedOnly)) {
    const { attitude } = ratingsOf(survey.definition, r.answers)
    const value = column ? r.segments[column] : undefined
    for (const key of keys) {
      const v = attitude[key]
      if (v === null || v === undefined) continue
      add(parent, true, key, v)
      if (value) add(groupKey(wave.audience, { column: column!, value }), false, key, v)
    }
  }
  const list = [...groups.values()].sort((a, b) => (a.group < b.group ? -1 : 1))
  return { keys, groups: list }
}

/** `group|attitude:<key>` → answers: what a release must not change by 1..k−1. */
export function attitudeAnswerCounts(groups: readonly AttitudeCounts[]) {
  const out: Record<string, number> = {}
  for (const g of groups)
    for (const [key, counts] of Object.entries(g.items))
      out[`${g.group}|attitude:${key}`] = counts.reduce((a, b) => a + b, 0)
  return out
}
