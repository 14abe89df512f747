import type { WaveSummary } from '../shell/api-types'
import './overview.css'

/** A wave's email: a progress bar while messages wait to go out, then the outcomes. */
export function DeliveryProgress({ delivery: d }: { delivery: WaveSummary['delivery'] }) {
  const done = d.sent + d.bounced + d.failed + d.cancelled
  const total = done + d.queued
  if (total === 0) return <span className="muted">Not emailed yet</span>
  const outcomes = [
    `${d.sent} sent`,
    d.bounced && `${d.bounced} bounced`,
    d.failed && `${d.failed} failed`,
  ].filter(Boolean)
  return (
    <span className="delivery">
      {d.queued > 0 && (
        <>
          <progress className="delivery__bar" max={total} value={done} aria-label="Email sent" />
          <span className="delivery__waiting">{d.queued} waiting</span>
        </>
      )}
      <span>{outcomes.join(' · ')}</span>
      {d.remindersSent > 0 && (
        <span className="delivery__note">incl. {d.remindersSent} reminders</span>
      )}
    </span>
  )
}
