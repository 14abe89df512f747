import type { SavedDraft, SealedDraft } from '../db/schema'

// An employee's draft is sealed with a key derived from their link token. The server keeps only
// the token's hash, so at rest nobody (HR, admin, a copy of the database) can read the draft;
// the respondent's next request brings the token and opens it (SPEC §6a).

const encoder = new TextEncoder()

async function keyOf(token: string, invitationId: string) {
  const material = await crypto.subtle.importKey('raw', encoder.encode(token), 'HKDF', false, [
    'deriveKey',
  ])
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('csi-draft-v1'),
      info: encoder.encode(invitationId),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

export async function sealDraft(
  token: string,
  invitationId: string,
  draft: SavedDraft,
): Promise<SealedDraft> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const plain = encoder.encode(JSON.stringify(draft))
  const key = await keyOf(token, invitationId)
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain))
  const out = new Uint8Array(iv.length + cipher.length)
  out.set(iv)
  out.set(cipher, iv.length)
  // Chunks keep String.fromCharCode's argument list small for 100 kB drafts; a multiple of 3
  // bytes each, so the base64 pieces join without padding in between.
  let text = ''
  for (let i = 0; i < out.length; i += 0x6000) text += toBase64(out.subarray(i, i + 0x6000))
  return { sealed: text }
}

export const isSealed = (stored: unknown): stored is SealedDraft =>
  typeof stored === 'object' &&
  stored !== null &&
  typeof (stored as SealedDraft).sealed === 'string'

/** The draft, or null when it cannot be opened with this token (another link, tampering). */
export async function openDraft(
  token: string,
  invitationId: string,
  stored: SealedDraft,
): Promise<SavedDraft | null> {
  try {
    const bytes = fromBase64(stored.sealed)
    const key = await keyOf(token, invitationId)
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, 12) },
      key,
      bytes.subarray(12),
    )
    return JSON.parse(new TextDecoder().decode(plain)) as SavedDraft
  } catch {
    return null
  }
}
