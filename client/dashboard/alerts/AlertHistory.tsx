import type { AlertDetail, AlertNote } from './alert-api'
import { dateTimeText, statusLabel } from './alert-format'

type Props = { alert: AlertDetail['alert']; notes: readonly AlertNote[] }

function change(n: AlertNote) {
  if (!n.statusFrom || !n.statusTo) return null
  if (n.statusFrom === 'resolved') return `Reopened as “${statusLabel[n.statusTo]}”`
  return `Moved from “${statusLabel[n.statusFrom]}” to “${statusLabel[n.statusTo]}”`
}

/** What has happened to a follow-up, oldest first: raised, then each change and note. */
export function AlertHistory({ alert, notes }: Props) {
  return (
    <section className="card alert-history" aria-labelledby="alert-history-title">
      <h2 id="alert-history-title">History</h2>
      <ol>
        <li>
          <p className="alert-history__what">Raised by a low score</p>
          <p className="alert-history__when">{dateTimeText(alert.createdAt)}</p>
        </li>
        {notes.map((n) => (
          <li key={n.id}>
            {change(n) && <p className="alert-history__what">{change(n)}</p>}
            {n.text && <p className="alert-history__note">{n.text}</p>}
            <p className="alert-history__when">
              {n.authorEmail}, {dateTimeText(n.createdAt)}
            </p>
          </li>
        ))}
      </ol>
      {notes.length === 0 && <p className="muted">No one has acted on it yet.</p>}
    </section>
  )
}
