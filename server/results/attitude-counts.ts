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
): Promise<{ keys: string[]; all: AttitudeCounts[]; released: AttitudeCounts[] }> {
  const keys = attitudeItems(survey.definition).map((i) => i.key)
  if (keys.length === 0) return { keys, all: [], released: [] }
  const parent = groupKey(wave.audience, null)
  // One read of the wave's answers gives both: all of them (is a release due?) and those
  // released (what HR may read).
  const all = new Map<string, AttitudeCounts & { items: Record<string, number[]> }>()
  const released = new Map<string, AttitudeCounts & { items: Record<string, number[]> }>()
  const add = (into: typeof all, group: string, key: string, value: number) => {
    let g = into.get(group)
    if (!g) into.set(group, (g = { group, parent: group === parent ? null : parent, items: {} }))
    ;(g.items[key] ??= [0, 0, 0, 0, 0])[value - 1]! += 1
  }
  for (const r of await listAnswersAndSegments(db, wave.id)) {
    const { attitude } = ratingsOf(survey.definition, r.answers)
    const value = column ? r.segments[column] : undefined
    const group = value ? groupKey(wave.audience, { column: column!, value }) : null
    for (const into of r.releaseSeq === null ? [all] : [all, released])
      for (const key of keys) {
        const v = attitude[key]
        if (v === null || v === undefined) continue
        add(into, parent, key, v)
        if (group) add(into, group, key, v)
      }
  }
  const sorted = (m: typeof all) => [...m.values()].sort((a, b) => (a.group < b.group ? -1 : 1))
  return { keys, all: sorted(all), released: sorted(released) }
}

/** `group|attitude:<key>` → answers: what a release must not change by 1..k−1. */
export function attitudeAnswerCounts(groups: readonly AttitudeCounts[]) {
  const out: Record<string, number> = {}
  for (const g of groups)
    for (const [key, counts] of Object.entries(g.items))
      out[`${g.group}|attitude:${key}`] = counts.reduce((a, b) => a + b, 0)
  return out
}
