import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { webhookDeliveries, webhookEndpoints } from '../db/schema'
import { leaseDueDeliveries } from '../db/webhooks'
import { signedHeaders } from './signing'
import { checkWebhookUrl } from './target-guard'

/** Posts a body; the runtime's version resolves the host and refuses private addresses. */
export type WebhookPost = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<{ status: number }>

/** Waits before attempts 2, 3, …: the Standard Webhooks reference schedule, shortened at the end. */
export const RETRY_DELAYS_S = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600]
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1
/** Failed attempts in a row, over all its deliveries, after which an endpoint is disabled. */
export const DISABLE_AFTER_FAILURES = 20

/**
 * Sends the deliveries that are due, each signed with its endpoint's secret and the same
 * `webhook-id` on every attempt. A 2xx answer delivers it; anything else (or no answer in 10 s)
 * schedules the next attempt, up to {@link MAX_ATTEMPTS}; an endpoint failing
 * {@link DISABLE_AFTER_FAILURES} times in a row is disabled with the reason.
 */
export async function deliverDueWebhooks(
  db: Db,
  post: WebhookPost,
  o: { now?: Date; limit?: number; allowPrivate: boolean },
) {
  const now = o.now ?? new Date()
  const counts = { delivered: 0, retrying: 0, failed: 0 }
  for (const { delivery, endpoint } of await leaseDueDeliveries(db, now, o.limit ?? 50)) {
    const attempts = delivery.attempts + 1
    let status: number | null = null
    let error: string | null = null
    if (!endpoint.enabled) error = `endpoint disabled: ${endpoint.disabledReason ?? 'by an admin'}`
    else
      try {
        checkWebhookUrl(endpoint.url, o.allowPrivate)
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'csi-toolkit-webhooks',
          ...(await signedHeaders(endpoint.secret, delivery.id, now, delivery.body)),
        }
        status = (await post(endpoint.url, headers, delivery.body)).status
        if (status < 200 || status > 299) error = `answered ${status}`
      } catch (err) {
        error = (err as Error).message.slice(0, 500)
      }
    if (!error) {
      counts.delivered++
      await db
        .update(webhookDeliveries)
        .set({
          status: 'delivered',
          attempts,
          lastStatus: status,
          lastError: null,
          deliveredAt: now,
          leaseUntil: null,
        })
        .where(eq(webhookDeliveries.id, delivery.id))
      await db
        .update(webhookEndpoints)
        .set({ failures: 0 })
        .where(eq(webhookEndpoints.id, endpoint.id))
      continue
    }
    const last = attempts >= MAX_ATTEMPTS || !endpoint.enabled
    counts[last ? 'failed' : 'retrying']++
    const next = new Date(now.getTime() + (RETRY_DELAYS_S[attempts - 1] ?? 0) * 1000)
    await db
      .update(webhookDeliveries)
      .set({
        status: last ? 'failed' : 'pending',
        attempts,
        lastStatus: status,
        lastError: error,
        nextAttemptAt: last ? delivery.nextAttemptAt : next,
        leaseUntil: null,
      })
      .where(eq(webhookDeliveries.id, delivery.id))
    if (endpoint.enabled) await countFailure(db, endpoint.id, error)
  }
  return counts
}

async function countFailure(db: Db, id: string, error: string) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ failures: sql`${webhookEndpoints.failures} + 1` })
    .where(eq(webhookEndpoints.id, id))
    .returning({ failures: webhookEndpoints.failures })
  if (row && row.failures >= DISABLE_AFTER_FAILURES)
    await db
      .update(webhookEndpoints)
      .set({
        enabled: false,
        disabledReason: `${row.failures} failed attempts in a row; the last: ${error}`,
      })
      .where(eq(webhookEndpoints.id, id))
}
