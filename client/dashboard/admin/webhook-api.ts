import type { InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

export type ListedWebhook = InferResponseType<typeof api.api.webhooks.$get, 200>['webhooks'][number]
export type WebhookDeliveryRow = InferResponseType<
  (typeof api.api.webhooks)[':id']['deliveries']['$get'],
  200
>['deliveries'][number]

export const webhookEvents = [
  'response.submitted',
  'alert.opened',
  'alert.updated',
  'wave.closed',
  'invitation.bounced',
  'invitation.opted_out',
] as const

export async function listWebhooks(signal: AbortSignal) {
  const res = await api.api.webhooks.$get(undefined, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).webhooks
}

export async function addWebhook(json: { url: string; events: (typeof webhookEvents)[number][] }) {
  const res = await api.api.webhooks.$post({ json })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function removeWebhook(id: string) {
  const res = await api.api.webhooks[':id'].$delete({ param: { id } })
  if (!res.ok) throw await readError(res)
}

export async function enableWebhook(id: string) {
  const res = await api.api.webhooks[':id'].enable.$post({ param: { id }, json: {} })
  if (!res.ok) throw await readError(res)
}

export async function listDeliveries(id: string) {
  const res = await api.api.webhooks[':id'].deliveries.$get({ param: { id } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).deliveries
}
