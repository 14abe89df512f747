import { useEffect, useState } from 'react'
import { LoadFailed } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import { MessagePicker } from './MessagePicker'
import { MessageWorkbench } from './MessageWorkbench'
import type { Target } from './messages-api'
import { getCatalogue } from './messages-api'
import './messages.css'

/** The words of every email, per audience, kind and language: edit, preview, test, reset. */
export default function MessagesPage() {
  const catalogue = useLoad(getCatalogue, [])
  const [picked, setPicked] = useState<Target | null>(null)
  useEffect(() => {
    document.title = 'Messages · CSI Toolkit'
  }, [])
  const first = catalogue.data?.audiences[0]
  const target =
    picked ?? (first ? { audience: first.audience, kind: first.kinds[0]!, language: 'en' } : null)
  return (
    <div className="messages-page">
      <header className="messages-intro">
        <h1>Messages</h1>
        <p className="muted">
          The invitation, reminder, acknowledgement, thanks and owner alert emails, and the owners’
          daily digest, in each language your contacts read. After a low score, the acknowledgement
          promises a call and goes when someone owns the follow-up; otherwise the thanks goes, which
          promises nothing. The digest, when owners take one, spans every audience: its words are
          kept under Customers. A contact gets their own language from the contact file, else the
          survey’s; a language without words gets English. The layout, the unsubscribe link and the
          employees’ anonymity promise are always added.
        </p>
      </header>
      {catalogue.error && !catalogue.data ? (
        <LoadFailed
          what="messages"
          error={catalogue.error}
          reload={catalogue.reload}
          heading="h2"
        />
      ) : !catalogue.data || !target ? (
        <p className="muted" aria-busy="true">
          Loading the messages…
        </p>
      ) : (
        <>
          <section className="card" aria-label="Which message">
            <MessagePicker catalogue={catalogue.data} target={target} onPick={setPicked} />
          </section>
          <MessageWorkbench catalogue={catalogue.data} target={target} onSaved={catalogue.reload} />
        </>
      )}
    </div>
  )
}
