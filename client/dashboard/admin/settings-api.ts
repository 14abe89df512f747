import type { InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

export type Anonymity = InferResponseType<typeof api.api.settings.anonymity.$get, 200>

export async function getAnonymity(signal: AbortSignal) {
  const res = await api.api.settings.anonymity.$get(undefined, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function saveAnonymity(json: { minGroup: number; minComments: number }) {
  const res = await api.api.settings.anonymity.$put({ json })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export type Bands = InferResponseType<typeof api.api.settings.bands.$get, 200>

export async function getBands(signal: AbortSignal) {
  const res = await api.api.settings.bands.$get(undefined, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function saveBands(json: Bands) {
  const res = await api.api.settings.bands.$put({ json })
  if (!res.ok) throw await readError(res)
  return res.json()
}
