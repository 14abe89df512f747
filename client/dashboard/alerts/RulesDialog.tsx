import { useState } from 'react'
import { Notice } from '../ui/Notice'
import { Dialog } from '../overview/Dialog'
import { useLoad } from '../ui/use-load'
import { alertApi } from './alert-api'
import { RulesForm } from './RulesForm'

type Props = { wave: { id: string; name: string }; onClose: () => void }

/** A wave's follow-up rules and owner, with how its follow-ups are going. */
export function RulesDialog({ wave, onClose }: Props) {
  const [busy, setBusy] = useState(false)
  const loaded = useLoad(
    async (signal) => {
      const [rules, labels] = await Promise.all([
        alertApi.rules(wave.id, signal),
        alertApi.labels(wave.id, signal).catch(() => null),
      ])
      return { rules, attributes: labels?.attributes ?? [] }
    },
    [wave.id],
  )
  const close = (
    <div className="actions">
      <button type="button" className="button button--quiet" onClick={onClose} data-autofocus>
        Close
      </button>
    </div>
  )
  return (
    <Dialog title={`Follow-up rules for “${wave.name}”`} onClose={onClose} busy={busy}>
      {loaded.error ? (
        <>
          {loaded.error.status === 400 ? (
            // An employee wave: the server's own reason (it is anonymous).
            <Notice tone="info" title="No follow-ups for this wave" heading="h3">
              <p>{loaded.error.message}.</p>
            </Notice>
          ) : (
            <Notice
              tone="error"
              title="The follow-up rules could not be loaded"
              heading="h3"
              action={{ label: 'Try again', onClick: loaded.reload }}
            >
              <p>{loaded.error.message}</p>
            </Notice>
          )}
          {close}
        </>
      ) : !loaded.data ? (
        <>
          <p className="muted" aria-busy="true">
            Loading the rules…
          </p>
          {close}
        </>
      ) : (
        <RulesForm
          waveId={wave.id}
          initial={loaded.data.rules}
          attributes={loaded.data.attributes}
          onClose={onClose}
          onBusy={setBusy}
        />
      )}
    </Dialog>
  )
}
