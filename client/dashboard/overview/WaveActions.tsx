import { useEffect, useRef, useState } from 'react'
import { WaveFollowUp } from '../alerts/WaveFollowUp'
import { formatDate } from '../ui/labels'
import type { WaveSummary } from '../shell/api-types'
import { ConfirmDialog } from './ConfirmDialog'
import { ImportContactsDialog } from './ImportContactsDialog'
import { importedText, invitedText, remindedText } from './messages'
import { RemindDialog } from './RemindDialog'
import { useAction } from '../ui/use-action'
import { waveAdmin } from './wave-admin-api'
import { count } from './words'
import './overview.css'

type Open = 'import' | 'invite' | 'remind' | 'close' | null

/** A wave's fieldwork actions, each behind its dialog, and what the last one did, in words. */
export function WaveActions({ wave, onChanged }: { wave: WaveSummary; onChanged: () => void }) {
  const [open, setOpen] = useState<Open>(null)
  const [note, setNote] = useState('')
  const [focusNote, setFocusNote] = useState(0)
  const noteRef = useRef<HTMLParagraphElement>(null)
  const invite = useAction()
  const remind = useAction()
  const close = useAction()

  useEffect(() => {
    if (focusNote) noteRef.current?.focus()
  }, [focusNote])

  const done = (text: string) => {
    setNote(text)
    setOpen(null)
    onChanged()
  }
  const show = (which: Open) => {
    setNote('')
    setOpen(which)
  }
  const quiet = 'button button--quiet button--small'

  return (
    <div className="wave-actions">
      {wave.state === 'closed' ? (
        <p className="wave-actions__state muted">
          Closed{wave.closedAt ? ` on ${formatDate(wave.closedAt)}` : ''}: its links no longer work.
        </p>
      ) : (
        <div className="wave-actions__buttons" role="group" aria-label={`Actions for ${wave.name}`}>
          <button type="button" className={quiet} onClick={() => show('import')}>
            Import contacts
          </button>
          {wave.state === 'open' && (
            <>
              <button type="button" className={quiet} onClick={() => show('invite')}>
                Send invitations
              </button>
              <button type="button" className={quiet} onClick={() => show('remind')}>
                Send reminders
              </button>
            </>
          )}
          <button
            type="button"
            className={`${quiet} button--danger-quiet`}
            onClick={() => show('close')}
          >
            Close wave
          </button>
        </div>
      )}
      <WaveFollowUp wave={wave} />
      {wave.state === 'not-yet-open' && (
        <p className="wave-actions__state muted">
          Invitations can go out once it opens on {formatDate(wave.opensAt)}.
        </p>
      )}
      <p ref={noteRef} className="wave-actions__note" role="status" tabIndex={-1}>
        {note}
      </p>

      {open === 'import' && (
        <ImportContactsDialog
          wave={wave}
          onClose={() => setOpen(null)}
          onImported={(r) => done(importedText(r))}
        />
      )}
      {open === 'invite' && (
        <ConfirmDialog
          title={`Send invitations for “${wave.name}”?`}
          confirm="Send invitations"
          busyLabel="Queuing…"
          busy={invite.busy}
          error={invite.error}
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const r = await invite.run(() => waveAdmin.invite(wave.id))
            if (r) done(invitedText(r, wave))
          }}
        >
          <p>
            Each contact who has no invitation yet gets one email with a personal link (
            {count(wave.invitations.invited, 'contact')} in this wave). Nobody is emailed twice;
            opted-out and bounced addresses are skipped.
          </p>
        </ConfirmDialog>
      )}
      {open === 'remind' && (
        <RemindDialog
          wave={wave}
          busy={remind.busy}
          error={remind.error}
          onClose={() => setOpen(null)}
          onSend={async (rule) => {
            const r = await remind.run(() => waveAdmin.remind(wave.id, rule))
            if (r) done(remindedText(r, rule))
          }}
        />
      )}
      {open === 'close' && (
        <ConfirmDialog
          title={`Close “${wave.name}” now?`}
          confirm="Close the wave"
          busyLabel="Closing…"
          cancel="Keep it open"
          danger
          busy={close.busy}
          error={close.error}
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const r = await close.run(() => waveAdmin.close(wave.id))
            if (!r) return
            done('Closed. Its links now show “This survey has closed”; the responses are kept.')
            setFocusNote((n) => n + 1)
          }}
        >
          <p>
            Its links stop working at once: anyone who has not answered yet will see “This survey
            has closed”, and no more reminders go out. The responses already in are kept for the
            report. A closed wave cannot be opened again.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
