import { audienceLabel } from '../ui/labels'
import { Link } from '../ui/Link'
import { waveHref } from '../shell/routes'
import type { AlertDetail } from './alert-api'
import { dateTimeText, firstActionText } from './alert-format'
import { modeLabel } from './alert-response'

/** A digest's UTC day, `2026-12-07`, as "7 December 2026". */
const dayText = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })

/** Who, which wave, whose job, and when: the facts of one follow-up. */
export function AlertFacts({ alert: a }: { alert: AlertDetail['alert'] }) {
  const firstAction = firstActionText(a)
  return (
    <section className="card alert-facts" aria-labelledby="alert-facts-title">
      <h2 id="alert-facts-title">Contact and owner</h2>
      <dl>
        <dt>Contact</dt>
        <dd>
          {a.contactName || a.contactEmail ? (
            <>
              {a.contactName && <span className="alert-facts__name">{a.contactName}</span>}
              {a.contactEmail && <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>}
            </>
          ) : (
            <span className="muted">
              No contact details: answered through an open link or on paper
            </span>
          )}
        </dd>
        <dt>Wave</dt>
        <dd>
          <Link to={waveHref(a.waveId)}>{a.waveName}</Link>{' '}
          <span className="muted">({audienceLabel(a.audience)})</span>
        </dd>
        <dt>Owner</dt>
        <dd>
          {a.ownerEmail && a.viaDigest && (
            <>
              {a.ownerEmail}{' '}
              <span className="muted">
                {a.digestDay
                  ? `(told in the daily digest of ${dayText(a.digestDay)})`
                  : '(to be told in the next daily digest)'}
              </span>
            </>
          )}
          {a.ownerEmail && !a.viaDigest && a.ownerEmail}
          {!a.ownerEmail && (
            <span className="muted">
              Unassigned. Set a wave owner in its follow-up rules on the overview, or add an owner
              column to the contact file
            </span>
          )}
        </dd>
        <dt>Raised</dt>
        <dd>{dateTimeText(a.createdAt)}</dd>
        <dt>Answered</dt>
        <dd>
          {modeLabel[a.mode] ?? a.mode}, {dateTimeText(a.submittedAt)}
        </dd>
        <dt>First action</dt>
        <dd>
          {firstAction ? (
            <>
              {firstAction} after it was raised{' '}
              <span className="muted">({dateTimeText(a.firstActionAt)})</span>
            </>
          ) : (
            <span className="muted">None yet</span>
          )}
        </dd>
        {a.resolvedAt && (
          <>
            <dt>Resolved</dt>
            <dd>{dateTimeText(a.resolvedAt)}</dd>
          </>
        )}
      </dl>
    </section>
  )
}
