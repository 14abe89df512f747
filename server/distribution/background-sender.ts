import type { Store } from '../db/client'
import type { Mailer } from '../mail/mailer'
import { sendOutbox } from './send-outbox'

/** How the app sends email itself: the transport and who the messages come from. */
export type MailSetup = { mailer: Mailer; from: string; organisation: string }

// Temporary failures back off from a minute; a background run waits for them this long.
const WAIT_FOR_RETRIES_MS = 15 * 60_000

/**
 * Node's sender: sends a wave's queued messages in this process after the response has gone,
 * at most one run per wave at a time. A request that arrives during a run makes it go round
 * once more, so a message queued while the run was finishing is not left behind. The outbox
 * leases each row, so another process sending the same wave still never sends a message twice.
 */
export function backgroundSender(o: {
  store: Store
  mail: MailSetup
  publicUrl: string
  secret: string
  /** Keeps the run's promise (errors are logged here already). */
  background?: (task: Promise<unknown>) => void
}) {
  const running = new Map<string, { again: boolean }>()
  return (waveId: string): boolean => {
    const run = running.get(waveId)
    if (run) {
      run.again = true
      return true
    }
    const state = { again: true }
    running.set(waveId, state)
    const task = (async () => {
      try {
        while (state.again) {
          state.again = false
          await sendOutbox(o.store, {
            ...o.mail,
            publicUrl: o.publicUrl,
            secret: o.secret,
            waveId,
            waitForRetriesMs: WAIT_FOR_RETRIES_MS,
          })
        }
      } catch (err) {
        console.error(
          `Sending wave ${waveId} stopped (${o.mail.mailer.description}): ${(err as Error).message}; the messages stay queued`,
        )
      } finally {
        running.delete(waveId)
      }
    })()
    o.background?.(task)
    return true
  }
}
