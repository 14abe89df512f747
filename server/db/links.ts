import { hashToken, tokenPattern } from '../lib/tokens'
import type { Db } from './client'
import { findInvitationByTokenHash } from './invitations'
import { surveyVersionWithSpec, waveSpec } from './wave-survey'
import { findWaveByOpenLinkHash, waveState } from './waves'

export type LinkState = 'open' | 'unknown' | 'closed' | 'not-yet-open' | 'used'

/**
 * Resolves a respondent link (a wave's open link or an emailed invitation token) to its wave,
 * invitation and pinned survey version. Every outcome costs one hash and the same two indexed
 * lookups, so unknown, used and closed links cannot be told apart by timing.
 */
export async function resolveLink(db: Db, token: string, now: Date) {
  const hash = await hashToken(tokenPattern.test(token) ? token : 'x'.repeat(43))
  const [openWave, invited] = await Promise.all([
    findWaveByOpenLinkHash(db, hash),
    findInvitationByTokenHash(db, hash),
  ])
  const wave = openWave ?? invited?.wave
  if (!wave) return { state: 'unknown' as const }
  const waveNow = waveState(wave, now)
  const state = waveNow === 'open' && invited?.invitation.responded ? ('used' as const) : waveNow
  if (state !== 'open') return { state, wave }
  const entry = await surveyVersionWithSpec(db, wave.surveyId, wave.surveyVersion, wave.audience)
  if (!entry) return { state: 'unknown' as const }
  return {
    state,
    wave,
    survey: entry.survey,
    spec: waveSpec(wave, entry.spec),
    invitation: invited?.invitation ?? null,
  }
}

export type OpenLink = Extract<Awaited<ReturnType<typeof resolveLink>>, { state: 'open' }>
