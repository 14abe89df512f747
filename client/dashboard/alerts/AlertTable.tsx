import { formatDate } from '../ui/labels'
import { Link } from '../ui/Link'
import { alertHref } from '../shell/routes'
import { StateBadge } from '../ui/StateBadge'
import type { ListedAlert } from './alert-api'
import { ageText, contactText, statusLabel } from './alert-format'
import { Reason } from './Reason'

type Props = {
  alerts: readonly ListedAlert[]
  /** Attribute wording per wave id, for the reasons. */
  names: Readonly<Record<string, Readonly<Record<string, string>>>>
  now: number
}

const SHOWN = 3

/** Follow-ups newest first; on a phone each row stacks into a card (alerts.css). */
export function AlertTable({ alerts, names, now }: Props) {
  return (
    <table className="data-table data-table--card alert-table">
      <caption className="visually-hidden">Follow-ups, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Contact</th>
          <th scope="col">Why</th>
          <th scope="col">Wave</th>
          <th scope="col">Owner</th>
          <th scope="col">Status</th>
          <th scope="col">Raised</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((a, i) => {
          return (
            <tr key={a.id} data-alert-index={i} className={a.overdue ? 'alert-row--overdue' : ''}>
              <th scope="row">
                <Link to={alertHref(a.id)} className="alert-table__who">
                  {contactText(a)}
                </Link>
                {a.contactName && a.contactEmail ? (
                  <span className="alert-table__email">
                    <Email address={a.contactEmail} />
                  </span>
                ) : (
                  !a.contactEmail && <span className="alert-table__email">No contact details</span>
                )}
              </th>
              <td data-label="Why">
                <ul className="alert-reasons">
                  {a.reasons.slice(0, SHOWN).map((r) => (
                    <li key={r}>
                      <Reason code={r} names={names[a.waveId]} />
                    </li>
                  ))}
                  {a.reasons.length > SHOWN && (
                    <li className="muted">and {a.reasons.length - SHOWN} more</li>
                  )}
                </ul>
              </td>
              <td data-label="Wave">{a.waveName}</td>
              <td data-label="Owner">
                {a.ownerEmail ? (
                  <Email address={a.ownerEmail} />
                ) : (
                  <span className="muted">Unassigned</span>
                )}
              </td>
              <td data-label="Status">
                <StateBadge tone={`alert-${a.status}`}>{statusLabel[a.status]}</StateBadge>
              </td>
              <td data-label="Raised">
                <span className="alert-table__age">
                  <span>{ageText(a.createdAt, now)}</span>
                  <span className="alert-table__date">{formatDate(a.createdAt)}</span>
                  {a.overdue && <StateBadge tone="overdue">Overdue</StateBadge>}
                </span>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** An email that, when it must wrap, wraps before its @ (alerts.css: .alert-email). */
function Email({ address }: { address: string }) {
  const at = address.lastIndexOf('@')
  return (
    <span className="alert-email">
      <span>{address.slice(0, at)}</span>
      <span>{address.slice(at)}</span>
    </span>
  )
}
