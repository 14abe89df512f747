import { sha256Hex } from './sha256'

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

function base64url(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A link token: 256 random bits (SPEC 5.6 asks for at least 128), URL-safe. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)))
}

/** Only this hash is stored, so a database leak does not leak working links. */
export async function hashToken(token: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(token))
}

/** Short readable ids for waves and users, e.g. `w-k3m9x2qa7h`. */
export function randomId(prefix: string, length = 10): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return `${prefix}-${[...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`
}

/** `count` ids as {@link randomId} makes them, from few draws of random bytes. */
export function randomIds(prefix: string, count: number, length = 10): string[] {
  const ids: string[] = []
  // getRandomValues gives at most 65,536 bytes per call.
  const perDraw = Math.floor(65_536 / length)
  for (let done = 0; done < count; done += perDraw) {
    const n = Math.min(perDraw, count - done)
    const bytes = crypto.getRandomValues(new Uint8Array(n * length))
    for (let i = 0; i < n; i++) {
      let id = `${prefix}-`
      for (let j = i * length; j < (i + 1) * length; j++)
        id += ALPHABET[bytes[j]! % ALPHABET.length]
      ids.push(id)
    }
  }
  return ids
}

/** Plausible-looking link tokens only: anything else is refused before touching the DB. */
export const tokenPattern = /^[A-Za-z0-9_-]{22,64}$/

/** A one-time password a person can type: 20 chars from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  const bytes = crypto.getRandomValues(new Uint8Array(20))
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('')
}
