import type { InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

export type SignInThrottle = InferResponseType<
  typeof api.api.auth.throttles.$get,
  200
>['throttles'][number]

export async function listThrottles(signal: AbortSignal) {
  const res = await api.api.auth.throttles.$get(undefined, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).throttles
}

export async function clearThrottle(key: string) {
  const res = await api.api.auth.throttles.clear.$post({ json: { key } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).cleared
}
