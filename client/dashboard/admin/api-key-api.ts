import type { InferResponseType } from 'hono/client'
import { api, readError } from '../../api'
import type { Role } from '../account/roles'

export type ListedApiKey = InferResponseType<typeof api.api.apikeys.$get, 200>['apiKeys'][number]

export async function listApiKeys(signal: AbortSignal) {
  const res = await api.api.apikeys.$get(undefined, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).apiKeys
}

export async function createApiKey(json: { name: string; role: Role; expiresInDays?: number }) {
  const res = await api.api.apikeys.$post({ json })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function revokeApiKey(id: string) {
  const res = await api.api.apikeys[':id'].$delete({ param: { id } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).apiKey
}
