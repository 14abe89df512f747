import type { InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

export type BrandSettings = InferResponseType<typeof api.api.settings.brand.$get, 200>

export async function getBrandSettings(signal: AbortSignal) {
  const res = await api.api.settings.brand.$get(undefined, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function saveBrandSettings(json: {
  organisation?: string | null
  primary?: string
  languages?: string[]
}) {
  const res = await api.api.settings.brand.$put({ json })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function uploadLogo(file: string) {
  const res = await api.api.settings.brand.logo.$put({ json: { file } })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function removeLogo() {
  const res = await api.api.settings.brand.logo.$delete()
  if (!res.ok) throw await readError(res)
  return res.json()
}
