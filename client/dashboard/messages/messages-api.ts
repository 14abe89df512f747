import type { InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

const one = api.api.messages[':audience'][':kind'][':language']

export type MessageCatalogue = InferResponseType<typeof api.api.messages.$get, 200>
export type MessageView = InferResponseType<typeof one.$get, 200>
export type MessagePreview = InferResponseType<(typeof one)['preview']['$post'], 200>
export type Target = { audience: string; kind: string; language: string }
export type Words = Record<string, string>

// The route validates the names; the client passes what the user picked from the server's list.
const param = (t: Target) => t as Parameters<typeof one.$get>[0]['param']

export async function getCatalogue(signal: AbortSignal) {
  const res = await api.api.messages.$get(undefined, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function getMessage(t: Target, signal: AbortSignal) {
  const res = await one.$get({ param: param(t) }, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function saveMessage(t: Target, words: Words) {
  const res = await one.$put({ param: param(t), json: words })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function resetMessage(t: Target) {
  const res = await one.$delete({ param: param(t) })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function previewMessage(t: Target, words: Words, signal: AbortSignal) {
  const res = await one.preview.$post(
    { param: param(t), json: { template: words } },
    { init: { signal } },
  )
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function sendTestMessage(t: Target, words: Words) {
  const res = await one.test.$post({ param: param(t), json: { template: words } })
  if (!res.ok) throw await readError(res)
  return res.json()
}

/** The preview frame's address: the draft travels as base64url JSON. */
export function previewFrameUrl(t: Target, words: Words) {
  const bytes = new TextEncoder().encode(JSON.stringify(words))
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  const draft = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  const path = [t.audience, t.kind, t.language].map(encodeURIComponent).join('/')
  return `/api/messages/${path}/preview.html?draft=${draft}`
}
