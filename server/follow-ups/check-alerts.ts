import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { Store } from '../db/client'
import { alertStatements } from '../db/alerts'
import { invitations, responses, waves } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import { ratingsOf } from '../surveys'
import { alertReasons, defaultAlertRules } from './alert-rules'
import { hasComment } from '../surveys/comments-of'
import { isAnonymous } from '../surveys/audiences'
import { randomId } from '../lib/tokens'

const PAGE = 200

/**
 * Checks a wave's responses that no check has seen yet (imported ones: keyed, postal) against
 * its alert rules, opening alerts and queueing their emails, and moves the wave's mark on in
 * the same write. Safe to run any number of times: an alert is unique per response, so a
 * response checked twice (a crash between import and check, a re-run) adds nothing.
 */
export async function checkWaveAlerts(
  store: Store,
  waveId: string,
  host: string,
  now = new Date(),
) {
  const loaded = await loadWaveSurvey(store.db, waveId)
  if (!loaded || isAnonymous(loaded.wave.audience)) return { checked: 0, matched: 0 }
  const { wave, survey } = loaded
  const rules = wave.alertRules ?? defaultAlertRules
  let after = wave.alertsCheckedThrough
  let checked = 0
  let matched = 0
  for (;;) {
    const page = await store.db
      .select({
        id: responses.id,
        answers: responses.answers,
        invitationId: invitations.id,
        email: invitations.email,
        name: invitations.name,
        owner: invitations.owner,
      })
      .from(responses)
      .leftJoin(invitations, eq(invitations.id, responses.invitationId))
      .where(and(eq(responses.waveId, waveId), gt(responses.id, after)))
      .orderBy(asc(responses.id))
      .limit(PAGE)
    if (page.length === 0) break
    const statements = []
    for (const r of page) {
      const ratings = ratingsOf(survey.definition, r.answers)
      const reasons = rules.length
        ? alertReasons(rules, { ...ratings, commented: hasComment(survey.definition, r.answers) })
        : []
      if (reasons.length === 0) continue
      matched++
      statements.push(
        ...alertStatements(store.db, {
          alertId: randomId('a'),
          waveId,
          response: { id: r.id },
          invitation: r.invitationId ? { id: r.invitationId, email: r.email!, name: r.name } : null,
          ownerEmail: r.owner ?? wave.ownerEmail ?? null,
          reasons,
          host,
          now,
        }),
      )
    }
    after = page[page.length - 1]!.id
    checked += page.length
    await store.atomic([
      store.db
        .update(waves)
        .set({ alertsCheckedThrough: sql`max(${waves.alertsCheckedThrough}, ${after})` })
        .where(eq(waves.id, waveId)),
      ...statements,
    ])
  }
  return { checked, matched }
}
