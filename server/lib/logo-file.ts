import { sha256Hex } from './sha256'

/** Largest logo accepted: a header logo is a few kilobytes; this leaves room for a detailed SVG. */
export const LOGO_MAX_BYTES = 100 * 1024
export const logoTypes = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
} as const
export type LogoType = keyof typeof logoTypes
export type Logo = { type: LogoType; hash: string; data: string }

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((b, i) => bytes[i] === b)

// Scripts, event handlers and outside references have no place in a logo; pages show it through
// <img> (where SVG scripts never run) and the file is served with a sandboxing CSP anyway.
const svgHazard =
  /<script|\bon[a-z]+\s*=|javascript:|<foreignObject|<!ENTITY|(?:xlink:)?href\s*=\s*["']?(?!#|data:image\/)/i

/** The type a file's bytes show it to be (PNG, JPEG or SVG), whatever it claims. */
function sniff(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '')
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) return 'image/svg+xml'
  return null
}

/**
 * A logo from a `data:` URL (what a browser's FileReader gives): PNG, JPEG or SVG by its bytes,
 * at most {@link LOGO_MAX_BYTES}, an SVG without scripts. A refusal says which rule it broke.
 */
export function readLogo(dataUrl: string): Logo | { problem: string } {
  const m = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(dataUrl)
  if (!m || !m[2]) return { problem: 'must be a base64 data: URL of a PNG, JPEG or SVG file' }
  let bytes: Uint8Array
  try {
    bytes = Uint8Array.from(atob(m[3]!.replace(/\s/g, '')), (c) => c.charCodeAt(0))
  } catch {
    return { problem: 'is not valid base64' }
  }
  if (bytes.length === 0) return { problem: 'is an empty file' }
  if (bytes.length > LOGO_MAX_BYTES)
    return {
      problem: `is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB`,
    }
  const type = sniff(bytes)
  if (!type) return { problem: 'is not a PNG, JPEG or SVG image' }
  if (type === 'image/svg+xml' && svgHazard.test(new TextDecoder().decode(bytes)))
    return {
      problem: 'is an SVG with scripts, event handlers or outside links; export a plain SVG',
    }
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return { type, hash: sha256Hex(bytes).slice(0, 16), data: btoa(binary) }
}

/** Where a stored logo is served; the hash in the name lets it be cached for good. */
export const logoPath = (logo: Pick<Logo, 'type' | 'hash'>) =>
  `/brand/logo-${logo.hash}.${logoTypes[logo.type]}`
