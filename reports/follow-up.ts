/** Follow-up of low-score alerts in one wave (closing the loop). */
export interface FollowUp {
  readonly alerts: number
  readonly open: number
  readonly inProgress: number
  readonly resolved: number
  /** resolved / alerts; null without alerts. */
  readonly shareResolved: number | null
  /** Median hours from an alert to its first action (status change or note), over acted alerts. */
  readonly medianHoursToFirstAction: number | null
  /** Alerts acted on at all. */
  readonly acted: number
}

/**
 * Closing-the-loop figures of a wave: counts by status, the share resolved, and the median time
 * to first action in hours (the middle value, or the mean of the two middle values; alerts not
 * yet acted on are left out and counted in `alerts − acted`). Times are epoch milliseconds.
 */
export function followUp(
  items: readonly {
    status: 'open' | 'in_progress' | 'resolved'
    createdAt: number
    firstActionAt: number | null
  }[],
): FollowUp {
  const hours = items
    .filter((a) => a.firstActionAt !== null)
    .map((a) => (a.firstActionAt! - a.createdAt) / 3_600_000)
    .sort((x, y) => x - y)
  const mid = hours.length / 2
  const median =
    hours.length === 0
      ? null
      : hours.length % 2
        ? hours[Math.floor(mid)]!
        : (hours[mid - 1]! + hours[mid]!) / 2
  const of = (s: string) => items.filter((a) => a.status === s).length
  return {
    alerts: items.length,
    open: of('open'),
    inProgress: of('in_progress'),
    resolved: of('resolved'),
    shareResolved: items.length ? of('resolved') / items.length : null,
    medianHoursToFirstAction: median,
    acted: hours.length,
  }
}
