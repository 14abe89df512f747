import { inArray } from 'drizzle-orm'
import type { Db } from './client'
import { settings } from './schema'

/**
 * The programme's anonymity thresholds (SPEC §6a, METHODOLOGY §7.2): employee results are shown
 * for groups of at least `minGroup` people, their comments for groups of at least `minComments`.
 * A programme setting an admin changes, never a request option.
 */
export type AnonymityThresholds = { minGroup: number; minComments: number }

export const DEFAULT_ANONYMITY: AnonymityThresholds = { minGroup: 5, minComments: 10 }
const keys = { minGroup: 'anonymity.min_group', minComments: 'anonymity.min_comments' } as const

export async function anonymityThresholds(db: Db): Promise<AnonymityThresholds> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(keys)))
  const stored = (key: string) => rows.find((r) => r.key === key)?.value
  return {
    minGroup: Number(stored(keys.minGroup) ?? DEFAULT_ANONYMITY.minGroup),
    minComments: Number(stored(keys.minComments) ?? DEFAULT_ANONYMITY.minComments),
  }
}

export async function saveAnonymityThresholds(db: Db, t: AnonymityThresholds) {
  for (const [name, key] of Object.entries(keys) as [keyof AnonymityThresholds, string][])
    await db
      .insert(settings)
      .values({ key, value: String(t[name]) })
      .onConflictDoUpdate({ target: settings.key, set: { value: String(t[name]) } })
}
