import type { SessionUser } from '../auth/require-role'
import type { Store } from '../db/client'
import { enqueueInvitations, enqueueReminders, pendingSummary } from '../db/outbox'
import { ImportRefused } from '../db/staging'
import type { Wave } from '../db/waves'
import { waveState } from '../db/waves'
import type { AppEnv } from '../env'
import { csvTextBatches } from '../lib/csv-text-rows'
import { ApiError } from '../lib/errors'
import { importContacts } from './contacts-import'

type Vars = AppEnv['Variables'] & { user: SessionUser }

/** A contact file sent as text: all rows or none, each bad row named as the CLI names it. */
export async function importContactText(store: Store, wave: Wave, csv: string) {
  try {
    const r = await importContacts(store, wave, csvTextBatches(csv))
    const { added, updated, optedOut, segments } = r
    return { imported: r.rows, added, updated, optedOut, segments }
  } catch (err) {
    if (!(err instanceof ImportRefused)) throw err
    const listed =
      err.problems.length < err.total ? ` (the first ${err.problems.length} listed)` : ''
    throw new ApiError(
      'BAD_REQUEST',
      `csv: ${err.message.split('\n')[0]}${listed}`,
      err.problems.map((p) => ({ path: `row ${p.row}`, message: p.message })),
    )
  }
}

function assertSendable(wave: Wave, what: string) {
  const state = waveState(wave, new Date())
  if (state === 'closed')
    throw new ApiError(
      'GONE',
      `Wave ${wave.id} is closed; its links no longer work, so no ${what} were queued`,
    )
  if (state === 'not-yet-open')
    throw new ApiError(
      'CONFLICT',
      `Wave ${wave.id} opens on ${wave.opensAt!.toISOString().slice(0, 10)}; send ${what} once it is open`,
    )
}

/** Queues what `queue` finds to send, then starts this process's sender when there is one. */
async function queueAndSend(v: Vars, wave: Wave, what: string, queue: () => Promise<number>) {
  assertSendable(wave, what)
  const queued = await queue()
  const { pending } = await pendingSummary(v.db, wave.id)
  // Without a sender (no mail configured), the rows wait in the outbox for the next one (the
  // Worker's cron, `csi invite`); they are never lost.
  const sending = pending > 0 && v.startSending(wave.id)
  return { queued, pending, sending }
}

export function inviteWave(v: Vars, wave: Wave) {
  const host = new URL(v.config.publicUrl).hostname
  const store = { db: v.db, atomic: v.atomic }
  return queueAndSend(v, wave, 'invitations', () =>
    enqueueInvitations(store, wave.id, host, new Date()),
  )
}

export function remindWave(v: Vars, wave: Wave, rule: { afterDays?: number; max?: number }) {
  const host = new URL(v.config.publicUrl).hostname
  const store = { db: v.db, atomic: v.atomic }
  const full = {
    afterDays: rule.afterDays ?? wave.remindAfterDays,
    max: rule.max ?? wave.maxReminders,
  }
  return queueAndSend(v, wave, 'reminders', () =>
    enqueueReminders(store, wave.id, full, host, new Date()),
  )
}
