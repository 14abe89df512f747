import { useEffect, useState } from 'react'
import { Link } from '../ui/Link'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate } from '../shell/router'
import { StateBadge } from '../ui/StateBadge'
import { useLoad } from '../ui/use-load'
import type { AlertDetail } from './alert-api'
import { alertApi } from './alert-api'
import { ageText, attributeNames, contactText, statusLabel } from './alert-format'
import { AlertFacts } from './AlertFacts'
import { AlertHistory } from './AlertHistory'
import { FollowUpForm } from './FollowUpForm'
import { listHref } from './list-return'
import { Reason } from './Reason'
import { ResponseAnswers } from './ResponseAnswers'
import './alerts.css'
import './alert-page.css'

/** One follow-up: who answered low and why, what they said, and what has been done about it. */
export default function AlertPage({ id }: { id: string }) {
  const detail = useLoad((signal) => alertApi.get(id, signal), [id])
  // After a change, the server's answer replaces the alert and its history in place.
  const [changed, setChanged] = useState<Pick<AlertDetail, 'alert' | 'notes'> | null>(null)
  const d = detail.data && { ...detail.data, ...changed }
  useEffect(() => {
    document.title = `${d ? `Follow-up: ${contactText(d.alert)}` : 'Follow-up'} · CSI Toolkit`
  }, [d?.alert.id])

  if (detail.error && !d) {
    const { status } = detail.error
    const back = { label: 'Go to the follow-ups', onClick: () => navigate(listHref()) }
    return (
      <div className="alert-page">
        <Crumbs />
        <h1>Follow-up</h1>
        {status === 403 || status === 404 ? (
          <Notice
            tone="info"
            title={status === 404 ? 'No such follow-up' : 'This follow-up is not yours to see'}
            action={back}
          >
            <p>{detail.error.message}.</p>
          </Notice>
        ) : (
          <LoadFailed what="follow-up" error={detail.error} reload={detail.reload} />
        )}
      </div>
    )
  }
  if (!d)
    return (
      <p className="muted" aria-busy="true">
        Loading the follow-up…
      </p>
    )

  const { alert } = d
  const names = attributeNames(d.labels)
  return (
    <div className="alert-page">
      <header className="alert-head">
        <Crumbs wave={alert.waveName} />
        <h1>{contactText(alert)}</h1>
        <p className="alert-head__meta">
          <StateBadge tone={`alert-${alert.status}`}>{statusLabel[alert.status]}</StateBadge>
          {alert.status !== 'resolved' &&
            Date.now() - Date.parse(alert.createdAt) > d.overdueDays * 86_400_000 && (
              <StateBadge tone="overdue">Overdue</StateBadge>
            )}
          <span>Raised {ageText(alert.createdAt, Date.now())}</span>
        </p>
      </header>
      <div className="alert-layout">
        <div className="alert-layout__main">
          <section className="card alert-why" aria-labelledby="alert-why-title">
            <h2 id="alert-why-title">Why it was raised</h2>
            <ul>
              {alert.reasons.map((r) => (
                <li key={r}>
                  <Reason code={r} names={names} />
                </li>
              ))}
            </ul>
          </section>
          <ResponseAnswers response={d.response} labels={d.labels} reasons={alert.reasons} />
        </div>
        <div className="alert-layout__side">
          <AlertFacts alert={alert} />
          <FollowUpForm alert={alert} onSaved={setChanged} />
          <AlertHistory alert={alert} notes={d.notes} />
        </div>
      </div>
    </div>
  )
}

function Crumbs({ wave }: { wave?: string }) {
  return (
    <p className="alert-head__crumbs">
      <Link to={listHref()}>Follow-ups</Link>
      {wave && (
        <>
          {' '}
          <span aria-hidden="true">›</span> {wave}
        </>
      )}
    </p>
  )
}
