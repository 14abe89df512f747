/**
 * One-click unsubscribe tokens (RFC 8058): `<invitation id>.<HMAC>`, so a link proves which
 * invitation it came from without storing another secret per message. Runtime-neutral (Web
 * Crypto), the same on Node and Workers.
 */
async function mac(secret: string, invitationId: string) {
  const enc = new TextEncoder()
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const sig = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, enc.encode(`unsubscribe:${invitationId}`)),
  )
  let s = ''
  for (const b of sig.subarray(0, 20)) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export async function unsubscribeToken(secret: string, invitationId: string) {
  return `${invitationId}.${await mac(secret, invitationId)}`
}

/** The invitation id of a genuine token, else null (compared in constant time). */
export async function verifyUnsubscribeToken(
  secret: string,
  token: string,
): Promise<string | null> {
  const dot = token.lastIndexOf('.')
  if (dot <= 0 || token.length > 200) return null
  const id = token.slice(0, dot)
  const expected = await mac(secret, id)
  const given = token.slice(dot + 1)
  if (given.length !== expected.length) return null
  let diff = 0
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i)
  return diff === 0 ? id : null
}
