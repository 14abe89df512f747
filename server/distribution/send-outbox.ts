import type { Store } from '../db/client'
import type { LeasedMessage } from '../db/outbox'
import {
  leaseDue,
  markBounced,
  markCancelled,
  markRetry,
  markSentStatements,
  pendingSummary,
} from '../db/outbox'
import { unsubscribeToken } from '../lib/unsubscribe-token'
import { composeDigest } from '../follow-ups/compose-digest'
import { composeFollowUp } from '../follow-ups/compose-follow-up'
import type { Mailer, OutgoingMessage } from '../mail/mailer'
import { MailError } from '../mail/mailer'
import type { Brand } from '../messages/brand'
import { emailBrand } from '../messages/email-brand'
import type { MessageContext } from '../messages/send-context'
import { messageContext } from '../messages/send-context'
import { messageContent } from './message-content'

export type SendTotals = {
  sent: number
  bounced: number
  failed: number
  retrying: number
  cancelled: number
}

export type SendOptions = {
  mailer: Mailer
  publicUrl: string
  /** The From header, e.g. `"Acme Surveys" <surveys@acme.example>`. */
  from: string
  /** Who is asking, in the message body, when the brand names no organisation. */
  organisation: string
  /** The brand (organisation, colour, logo), read once per run; the programme's by default. */
  brand?: () => Promise<Brand | undefined>
  /** Signs the one-click unsubscribe links. */
  secret: string
  waveId?: string
  /** Messages in flight at once (SMTP connections in the pool). */
  concurrency?: number
  batchSize?: number
  leaseMs?: number
  /** First retry delay; doubles per attempt. */
  retryBaseMs?: number
  maxAttempts?: number
  /** Keep waiting this long for retries that fall due, instead of leaving them for the next run. */
  waitForRetriesMs?: number
  onProgress?: (totals: SendTotals) => void
  /** Leases at most this many messages in this run (a Worker invocation's share), then returns. */
  maxMessages?: number
  /** Stops leasing new messages; those in flight finish and are marked. */
  signal?: AbortSignal
  now?: () => Date
}

/**
 * Sends due outbox messages until none is left: leases a batch, sends it `concurrency` at a time,
 * marks each message the moment the server accepts it. Rows are leased, so several senders (or a
 * restarted one) share the queue without sending a message twice.
 */
export async function sendOutbox(store: Store, o: SendOptions): Promise<SendTotals> {
  const now = o.now ?? (() => new Date())
  const totals: SendTotals = { sent: 0, bounced: 0, failed: 0, retrying: 0, cancelled: 0 }
  const concurrency = o.concurrency ?? 8
  const maxAttempts = o.maxAttempts ?? 6
  const retryBaseMs = o.retryBaseMs ?? 60_000
  const waitUntil = now().getTime() + (o.waitForRetriesMs ?? 0)
  const host = new URL(o.publicUrl).hostname
  let unavailable: MailError | null = null
  let budget = o.maxMessages ?? Infinity
  const wording = messageContext(store.db, o.brand ?? (() => emailBrand(store.db, o.publicUrl)))

  const sendOne = async (m: LeasedMessage) => {
    const reason = cancelReason(m, now())
    if (reason) {
      await markCancelled(store.db, m.id, reason)
      totals.cancelled++
      return
    }
    const message =
      m.kind === 'digest'
        ? await composeDigest(store.db, m, o, host, wording)
        : m.kind === 'acknowledgement' || m.kind === 'thanks' || m.kind === 'alert'
          ? await composeFollowUp(store.db, m, o, host, wording)
          : await compose(m, o, host, wording)
    try {
      await o.mailer.send(message)
    } catch (err) {
      const e =
        err instanceof MailError
          ? err
          : new MailError(String((err as Error)?.message ?? err), 'temporary')
      const attempts = m.attempts + 1
      if (e.failure === 'permanent') {
        await markBounced(store, m, attempts, e.message, 'bounced')
        totals.bounced++
      } else if (e.failure === 'temporary' && attempts >= maxAttempts) {
        await markBounced(store, m, attempts, e.message, 'failed')
        totals.failed++
      } else {
        // Jittered exponential back-off, so retries of a busy server do not arrive in lockstep.
        const delay = retryBaseMs * 2 ** (attempts - 1) * (0.8 + Math.random() * 0.4)
        await markRetry(
          store.db,
          m.id,
          e.failure === 'unavailable' ? m.attempts : attempts,
          new Date(now().getTime() + delay),
          e.message,
        )
        if (e.failure === 'unavailable') unavailable ??= e
        else totals.retrying++
      }
      return
    }
    await store.atomic(markSentStatements(store.db, m, now()))
    totals.sent++
  }

  for (;;) {
    if (o.signal?.aborted || unavailable || budget <= 0) break
    const leased = await leaseDue(
      store.db,
      now(),
      o.leaseMs ?? 5 * 60_000,
      Math.min(o.batchSize ?? 100, budget),
      o.waveId,
    )
    budget -= leased.length
    if (leased.length === 0) {
      const { pending, nextAt } = await pendingSummary(store.db, o.waveId)
      if (!pending || !nextAt || nextAt.getTime() > waitUntil) break
      await sleep(Math.max(10, nextAt.getTime() - now().getTime()), o.signal)
      totals.retrying = 0
      continue
    }
    await inPool(leased, concurrency, async (m) => {
      if (!unavailable) await sendOne(m)
      o.onProgress?.({ ...totals })
    })
  }
  if (unavailable) throw unavailable
  return totals
}

/** Why a leased message must not go out any more, or null. Follow-ups outlive the wave. */
function cancelReason(m: LeasedMessage, now: Date) {
  if (m.kind === 'alert' || m.kind === 'digest') return null
  if (m.optedOut) return 'opted out'
  if (m.kind === 'acknowledgement' || m.kind === 'thanks') return null
  const closed = m.closedAt || (m.closesAt && m.closesAt <= now)
  return m.responded ? 'already responded' : closed ? 'wave closed' : !m.token ? 'no token' : null
}

async function compose(
  m: LeasedMessage,
  o: SendOptions,
  host: string,
  wording: MessageContext,
): Promise<OutgoingMessage> {
  const base = o.publicUrl.replace(/\/+$/, '')
  const unsubscribeUrl = `${base}/u/${await unsubscribeToken(o.secret, m.invitationId!)}`
  const kind = m.kind as 'invitation' | 'reminder'
  const words = await wording.wording(m, kind)
  const content = messageContent({
    audience: m.audience,
    kind,
    reminderNumber: m.kind === 'reminder' ? m.seq : 0,
    recipientName: m.name,
    waveName: m.waveName,
    organisation: o.organisation,
    surveyUrl: `${base}/s/${m.token}`,
    unsubscribeUrl,
    closesAt: m.closesAt,
    minutes: 3,
    language: words.language,
    template: words.template,
    brand: words.brand,
  })
  return {
    from: o.from,
    to: m.email,
    ...content,
    messageId: m.messageId,
    headers: {
      // RFC 8058 one-click unsubscribe; RFC 2369 list header. Host is ours, id is signed.
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
      'X-CSI-Message': `${m.kind}-${m.seq}@${host}`,
    },
  }
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
}

function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true })
  })
}
