import type { SessionUser } from './require-role'
import type { Audience } from '../db/schema'
import { audiences } from '../db/schema'
import { ApiError } from '../lib/errors'
import { canManage } from './wave-access'

/** Audiences whose alerts a user may follow up: never employees (their waves have none). */
export function alertAudiences(user: SessionUser): Audience[] {
  return audiences.filter((a) => a !== 'employee' && canManage(user, a))
}

export function assertCanFollowUp(user: SessionUser, alert: { id: string; audience: Audience }) {
  if (!alertAudiences(user).includes(alert.audience))
    throw new ApiError('FORBIDDEN', `Alert ${alert.id} is for managers of ${alert.audience} waves`)
}

/** Closing the loop is for named respondents: an employee wave is anonymous, so no rules. */
export function assertAlertsAllowed(wave: { id: string; audience: Audience }) {
  if (wave.audience === 'employee')
    throw new ApiError(
      'BAD_REQUEST',
      `Wave ${wave.id} is an employee survey: it is anonymous, so it has no alert rules or follow-ups`,
    )
}
