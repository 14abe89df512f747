import { useState } from 'react'
import type { Delivery } from './alert-api'
import { LoadFailed } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import { alertApi } from './alert-api'
import { AcknowledgementForm } from './AcknowledgementForm'
import { DigestForm } from './DigestForm'
import { MyDeliveryForm } from './MyDeliveryForm'
import { OverdueForm } from './OverdueForm'
import { TeamForm } from './TeamForm'
import './alert-settings.css'

/** Overdue days and the "we're on it" emails, folded away under the list until asked for. */
export function AlertSettings() {
  const [open, setOpen] = useState(false)
  return (
    <details className="alert-settings" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="alert-settings__title">Follow-up settings</span>
        <span className="alert-settings__sub">
          When a follow-up is overdue, who takes unowned ones in turn, how owners hear of them (one
          email each or a daily digest), and the acknowledgement email
        </span>
      </summary>
      {open && <SettingsBody />}
    </details>
  )
}

function SettingsBody() {
  const settings = useLoad((signal) => alertApi.settings(signal), [])
  if (settings.error && !settings.data)
    return (
      <LoadFailed what="settings" error={settings.error} reload={settings.reload} heading="h3" />
    )
  if (!settings.data)
    return (
      <p className="muted" aria-busy="true">
        Loading the settings…
      </p>
    )
  return (
    <div className="alert-settings__body">
      <OverdueForm days={settings.data.overdueDays} />
      <TeamForm team={settings.data.team} />
      <DeliveryForms {...settings.data} />
      <section aria-labelledby="ack-title">
        <h3 id="ack-title">Acknowledgement emails</h3>
        <p className="muted">
          Sent at once to an invited contact who gives a low score, so they know it was heard and
          that someone will be in touch: only when the follow-up has an owner (the contact’s, the
          wave’s or the team’s). Without one they get the thank-you on the Messages page instead. In
          the subject and text, <code>{'{name}'}</code> becomes the contact’s name (in the greeting,
          “customer” when there is none), <code>{'{organisation}'}</code> your organisation’s name
          and <code>{'{wave}'}</code> the wave’s. These are the English emails: an admin words them
          in other languages on the Messages page.
        </p>
        {settings.data.acknowledgements.map((a) => (
          <AcknowledgementForm key={a.audience} initial={a} />
        ))}
      </section>
    </div>
  )
}

/** The programme's choice, and the owner's own one, which names what the programme's now is. */
function DeliveryForms(props: { delivery: Delivery; digestHour: number; mine: Delivery | null }) {
  const [programme, setProgramme] = useState({
    delivery: props.delivery,
    digestHour: props.digestHour,
  })
  return (
    <>
      <DigestForm {...programme} onSaved={setProgramme} />
      <MyDeliveryForm mine={props.mine} {...programme} />
    </>
  )
}
