import { ApiError } from '../lib/errors'

// A device clock may run a little ahead of ours; more than this is not a clock, it is made up.
const AHEAD_MS = 10 * 60_000
// …or behind: a respondent may open the survey a day before their clock says the wave opened.
const BEHIND_MS = 24 * 60 * 60_000

/**
 * The time a respondent says they started, checked: within the wave's dates (from its opening,
 * or creation, to its closing) and not after the submission, give or take a clock's drift.
 * Within the drift it is kept, but never later than the submission itself.
 */
export function checkedStartedAt(
  startedAt: Date | null | undefined,
  wave: { opensAt: Date | null; closesAt: Date | null; createdAt: Date },
  now: Date,
): Date | null {
  if (!startedAt) return null
  const from = (wave.opensAt ?? wave.createdAt).getTime() - BEHIND_MS
  const to = Math.min(now.getTime(), wave.closesAt?.getTime() ?? Infinity) + AHEAD_MS
  const t = startedAt.getTime()
  if (t < from || t > to) {
    const message = `startedAt: ${startedAt.toISOString()} is outside this wave's dates (${new Date(from + BEHIND_MS).toISOString()} to the submission at ${now.toISOString()})`
    throw new ApiError('BAD_REQUEST', message, [{ path: 'startedAt', message }])
  }
  return new Date(Math.min(t, now.getTime()))
}
