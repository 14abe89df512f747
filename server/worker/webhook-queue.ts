import type { Queue } from '@cloudflare/workers-types'
import type { Db } from '../db/client'
import { claimWebhookWake, nextWebhookAttempt, webhookDueNow } from '../db/webhooks'
import type { QueueMessage } from '../env'
import { deliverDueWebhooks } from '../webhooks/deliver'
import { workerWebhookPost } from './webhook-fetch'

export const WEBHOOK_MESSAGE = { webhooks: true } as const

// A queue message can be delayed by 12 hours at most; the cron looks every 15 minutes anyway.
const MAX_DELAY_SECONDS = 12 * 3600
// Deliveries one invocation sends (each one subrequest), well under the Workers plan limits.
const DELIVERIES_PER_RUN = 50

export const isWebhookMessage = (m: QueueMessage): m is typeof WEBHOOK_MESSAGE =>
  'webhooks' in m && m.webhooks === true

/**
 * After a request that may have queued a webhook event in its write (a response, an alert, an
 * opt-out), asks the queue consumer to deliver it now: the events are written by the features
 * themselves, so the Worker looks for a due delivery rather than each route announcing one.
 */
export async function kickWebhooks(queue: Queue<QueueMessage>, db: Db, now = new Date()) {
  if (!(await webhookDueNow(db, now))) return false
  await queue.send(WEBHOOK_MESSAGE)
  return true
}

/**
 * One queue invocation's (or the cron's) webhook work: delivers what is due, then makes sure a
 * message comes back when the next delivery is due: at once while more are due now, else
 * delayed until the earliest retry, claimed in D1 so one message waits per retry time.
 */
export async function deliverWebhooksOnce(
  db: Db,
  queue: Queue<QueueMessage> | undefined,
  o: { allowPrivate: boolean; now?: () => Date },
) {
  const now = o.now ?? (() => new Date())
  const counts = await deliverDueWebhooks(db, workerWebhookPost, {
    allowPrivate: o.allowPrivate,
    limit: DELIVERIES_PER_RUN,
    now: now(),
  })
  const next = await nextWebhookAttempt(db)
  let again: number | null = null
  if (next && queue) {
    const at = now()
    const wait = Math.min(
      MAX_DELAY_SECONDS,
      Math.max(0, Math.ceil((next.getTime() - at.getTime()) / 1000)),
    )
    if (wait === 0 || (await claimWebhookWake(db, new Date(at.getTime() + wait * 1000), at))) {
      again = wait
      await queue.send(WEBHOOK_MESSAGE, wait ? { delaySeconds: wait } : undefined)
    }
  }
  return { ...counts, again }
}
