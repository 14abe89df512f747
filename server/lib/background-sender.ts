import type { Context } from 'hono'
import type { AppEnv } from '../env'
import type { Mailer } from '../mail/mailer'
import { sendOutbox } from '../mail/send-outbox'

/** How the app sends email itself: the transport and who the messages come from. */
export type MailSetup = { mailer: Mailer; from: string; organisation: string }

export type SendDeps = {
  /** The app's mail transport, or null when another process sends (Workers, for now). */
  mail?: (c: Context<AppEnv>) => MailSetup | null
  /** Keeps a task alive after the response (Node: hold the promise; Workers: waitUntil). */
  background?: (c: Context<AppEnv>, task: Promise<unknown>) => void
}

// Temporary failures back off from a minute; a background run waits for them this long.
const WAIT_FOR_RETRIES_MS = 15 * 60_000

/**
 * Sends a wave's queued messages after the response has gone: at most one run per wave at a
 * time in this process. A request that arrives during a run makes it go round once more, so a
 * message queued while the run was finishing is not left behind. The outbox leases each row,
 * so another process sending the same wave still never sends a message twice.
 */
export function backgroundSender(deps: SendDeps) {
  const running = new Map<string, { again: boolean }>()
  return (c: Context<AppEnv>) =>
    (waveId: string): boolean => {
      const mail = deps.mail?.(c)
      if (!mail) return false
      const run = running.get(waveId)
      if (run) {
        run.again = true
        return true
      }
      const state = { again: true }
      running.set(waveId, state)
      const store = { db: c.var.db, atomic: c.var.atomic }
      const { publicUrl, authSecret } = c.var.config
      const task = (async () => {
        try {
          while (state.again) {
            state.again = false
            await sendOutbox(store, {
              ...mail,
              publicUrl,
              secret: authSecret,
              waveId,
              waitForRetriesMs: WAIT_FOR_RETRIES_MS,
            })
          }
        } catch (err) {
          console.error(
            `Sending wave ${waveId} stopped (${mail.mailer.description}): ${(err as Error).message}; the messages stay queued`,
          )
        } finally {
          running.delete(waveId)
        }
      })()
      deps.background?.(c, task)
      return true
    }
}
