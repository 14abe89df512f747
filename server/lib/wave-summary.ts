import { groupResponseRate } from '../../reports'
import type { Db } from '../db/client'
import { invitationCounts } from '../db/invitations'
import { countResponses } from '../db/responses'
import type { Wave } from '../db/waves'
import { waveState } from '../db/waves'

/** A wave as the overview lists it: dates, state, responses and invitation outcomes. */
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
    responses: await countResponses(db, w.id),
    invitations: counts,
    responseRate: counts.invited ? groupResponseRate(counts) : null,
  }
}
