import { groupResponseRate } from '../../reports'
import { alertCounts } from '../db/alert-queries'
import type { Db } from '../db/client'
import { invitationCounts } from '../db/invitations'
import { outboxCounts } from '../db/outbox'
import { countResponses } from '../db/responses'
import type { Wave } from '../db/waves'
import { waveState } from '../db/waves'

/** A wave's email so far: messages waiting (`queued`) and their outcomes, all kinds together. */
export async function waveDelivery(db: Db, waveId: string) {
  const d = { queued: 0, sent: 0, bounced: 0, failed: 0, cancelled: 0, remindersSent: 0 }
  for (const o of await outboxCounts(db, waveId)) {
    d[o.status === 'pending' ? 'queued' : o.status] += o.n
    if (o.kind === 'reminder' && o.status === 'sent') d.remindersSent += o.n
  }
  return d
}

/** A wave as the overview lists it: dates, state, responses, invitation outcomes and email. */
export async function waveSummary(db: Db, w: Wave, now: Date) {
  const counts = (await invitationCounts(db, w.id, [])).total
  return {
    id: w.id,
    name: w.name,
    audience: w.audience,
    surveyId: w.surveyId,
    surveyVersion: w.surveyVersion,
    state: waveState(w, now),
    opensAt: w.opensAt?.toISOString() ?? null,
    closesAt: w.closesAt?.toISOString() ?? null,
    closedAt: w.closedAt?.toISOString() ?? null,
    createdAt: w.createdAt.toISOString(),
    remindAfterDays: w.remindAfterDays,
    maxReminders: w.maxReminders,
    // Continuous waves report per month or quarter (null: one pooled result).
    reportingPeriod: w.reportingPeriod,
    responses: await countResponses(db, w.id),
    invitations: counts,
    responseRate: counts.invited ? groupResponseRate(counts) : null,
    // Closing the loop: low-score follow-ups (employee waves never have any).
    alerts: await alertCounts(db, w.id),
    delivery: await waveDelivery(db, w.id),
  }
}
