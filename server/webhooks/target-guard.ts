/**
 * Server-side request forgery guard for webhook targets: loopback, private, link-local, shared
 * (CGNAT), multicast and unspecified addresses are refused unless the server runs with
 * WEBHOOK_ALLOW_PRIVATE=1. Checked on the URL (an address written in it, `localhost`) and, by the
 * runtime's deliverer, on every address the name resolves to at each delivery.
 */
export class WebhookTargetRefused extends Error {}

const v4 = (ip: string) => {
  const parts = ip.split('.').map(Number)
  return parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)
    ? parts
    : null
}

export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase()
  const four = v4(ip)
  if (four) {
    const [a, b] = four as [number, number, number, number]
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    )
  }
  if (!ip.includes(':')) return false
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)
  if (mapped) return isPrivateAddress(mapped[1]!)
  if (ip === '::' || ip === '::1') return true
  const first = Number.parseInt(ip.split(':')[0] || '0', 16)
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 // multicast
  )
}

/** Refuses a URL that is not http(s), carries credentials, or names a private host outright. */
export function checkWebhookUrl(url: string, allowPrivate: boolean) {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new WebhookTargetRefused('is not a URL')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new WebhookTargetRefused('must be an http or https URL')
  if (parsed.username || parsed.password)
    throw new WebhookTargetRefused('must not carry a user name or password')
  const host = parsed.hostname.toLowerCase()
  if (
    !allowPrivate &&
    (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host))
  )
    throw new WebhookTargetRefused(
      `points at a private, loopback or link-local address (${host}); allowed only when the server runs with WEBHOOK_ALLOW_PRIVATE=1`,
    )
  return parsed
}
