import type { DrainMessage } from '../env'
import type { Queue } from '@cloudflare/workers-types'
import type { Db, Store } from '../db/client'
import { pendingSummary } from '../db/outbox'
import type { MailSetup } from '../distribution/background-sender'
import type { SendTotals } from '../distribution/send-outbox'
import { sendOutbox } from '../distribution/send-outbox'

/** Emails one queue invocation sends, when OUTBOX_CHUNK does not say. */
export const DEFAULT_OUTBOX_CHUNK = 40
// Invocations sending one wave at once: throughput without a thundering herd on the provider.
const PARALLEL_DRAINS = 8
// A queue message can be delayed by 12 hours at most.
const MAX_DELAY_SECONDS = 12 * 3600
// After "unavailable" (bad key, unverified domain) look again only every few minutes.
const UNAVAILABLE_DELAY_SECONDS = 300

/** Asks the consumer to send a wave's due email: one message per chunk, up to 8 in parallel. */
export async function requestDrain(
  queue: Queue<DrainMessage>,
  db: Db,
  message: DrainMessage,
  chunk: number,
) {
  const { pending } = await pendingSummary(db, message.waveId ?? undefined)
  if (pending === 0) return 0
  const n = Math.min(PARALLEL_DRAINS, Math.ceil(pending / chunk))
  await queue.sendBatch(Array.from({ length: n }, () => ({ body: message })))
  return n
}

export type DrainResult = {
  totals: SendTotals
  /** Seconds until this wave should be drained again, or null when nothing is left. */
  again: number | null
  /** Set when the transport refused to work at all (the rows stay queued). */
  unavailable?: string
}

/**
 * One queue invocation's work: sends at most `chunk` due messages of the wave (each marked the
 * moment it is accepted), then says when to come back: now while more is due, at the next retry
 * or lease end otherwise, never when nothing is pending.
 */
export async function drainOnce(
  store: Store,
  message: DrainMessage,
  o: { mail: MailSetup; publicUrl: string; secret: string; chunk: number; now?: () => Date },
): Promise<DrainResult> {
  const now = o.now ?? (() => new Date())
  let totals: SendTotals = { sent: 0, bounced: 0, failed: 0, retrying: 0, cancelled: 0 }
  let unavailable: string | undefined
  try {
    totals = await sendOutbox(store, {
      ...o.mail,
      publicUrl: o.publicUrl,
      secret: o.secret,
      waveId: message.waveId ?? undefined,
      maxMessages: o.chunk,
      batchSize: o.chunk,
      concurrency: 6,
      waitForRetriesMs: 0,
      onProgress: (t) => (totals = t),
      now,
    })
  } catch (err) {
    if ((err as { failure?: string }).failure !== 'unavailable') throw err
    unavailable = (err as Error).message
  }
  const { pending, nextAt } = await pendingSummary(store.db, message.waveId ?? undefined)
  if (!pending || !nextAt) return { totals, again: null, unavailable }
  const wait = Math.max(0, Math.ceil((nextAt.getTime() - now().getTime()) / 1000))
  return {
    totals,
    again: Math.min(
      MAX_DELAY_SECONDS,
      unavailable ? Math.max(wait, UNAVAILABLE_DELAY_SECONDS) : wait,
    ),
    unavailable,
  }
}

/** OUTBOX_CHUNK as a number within reason. */
export function chunkOf(value: string | undefined) {
  const n = Number(value)
  return value && Number.isInteger(n) && n >= 1 && n <= 1000 ? n : DEFAULT_OUTBOX_CHUNK
}
