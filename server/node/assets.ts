import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { packageRoot } from './package-root'

export const clientDist = join(packageRoot, 'client/dist')

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

// The client build writes .br and .gz beside each hashed asset (client/vite.config.ts).
const encodings = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const

/**
 * Serves files of the built client the way Workers assets do: hashed files cached forever and,
 * where the browser accepts it, their brotli or gzip copy made at build time.
 */
export function nodeAssets(root = clientDist) {
  return async (path: string, acceptEncoding = ''): Promise<Response | null> => {
    const file = normalize(join(root, decodeURIComponent(path)))
    if (!file.startsWith(root + sep) || /\.(br|gz)$/.test(file)) return null
    const hashed = path.startsWith('/assets/')
    const headers: Record<string, string> = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    if (hashed) {
      headers.Vary = 'Accept-Encoding'
      for (const { name, ext } of encodings) {
        if (!accepts(acceptEncoding, name)) continue
        const body = await readFile(file + ext).catch(() => null)
        if (body) return new Response(body, { headers: { ...headers, 'Content-Encoding': name } })
      }
    }
    try {
      return new Response(await readFile(file), { headers })
    } catch {
      return null
    }
  }
}

function accepts(header: string, encoding: string) {
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return (name === encoding || name === '*') && (!q || Number(q.slice(2)) > 0)
  })
}
