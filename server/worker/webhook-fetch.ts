import type { WebhookPost } from '../webhooks/deliver'

/**
 * Posts a webhook with the Workers fetch. The URL's own host was checked before (an address
 * written in it, localhost); names are resolved by Cloudflare, whose fetch does not reach
 * private networks from a deployed Worker. Redirects are not followed: a target is one URL.
 */
export const workerWebhookPost: WebhookPost = async (url, headers, body) => {
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  })
  await res.body?.cancel()
  return { status: res.status }
}
