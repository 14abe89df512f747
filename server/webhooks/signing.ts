const encoder = new TextEncoder()

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0))
const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)))

/**
 * The Standard Webhooks headers for one delivery: `webhook-signature` is `v1,` and the base64
 * HMAC-SHA256, keyed with the secret's bytes (after `whsec_`), of `id.timestamp.body`.
 */
export async function signedHeaders(secret: string, id: string, timestamp: Date, body: string) {
  const seconds = String(Math.floor(timestamp.getTime() / 1000))
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.replace(/^whsec_/, '')),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${id}.${seconds}.${body}`))
  return {
    'webhook-id': id,
    'webhook-timestamp': seconds,
    'webhook-signature': `v1,${toBase64(mac)}`,
  }
}
