import { tokenPattern } from '../lib/tokens'
import type { Db } from './client'
import { surveyVersionWithSpec } from './wave-survey'
import { findWaveByOpenLink, waveState } from './waves'

export type LinkState = 'open' | 'unknown' | 'closed' | 'not-yet-open'

/**
 * Resolves a respondent link to its wave and pinned survey version. Every outcome costs one
 * hash and one indexed lookup, so unknown and closed links cannot be told apart by timing.
 */
export async function resolveLink(db: Db, token: string, now: Date) {
  const wave = await findWaveByOpenLink(db, tokenPattern.test(token) ? token : 'x'.repeat(43))
  if (!wave) return { state: 'unknown' as const }
  const state = waveState(wave, now)
  if (state !== 'open') return { state, wave }
  const entry = await surveyVersionWithSpec(db, wave.surveyId, wave.surveyVersion, wave.audience)
  if (!entry) return { state: 'unknown' as const }
  return { state, wave, survey: entry.survey, spec: entry.spec }
}
