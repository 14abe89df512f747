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

/** Serves files of the built client the way Workers assets do (hashed files cached forever). */
export function nodeAssets(root = clientDist) {
  return async (path: string): Promise<Response | null> => {
    const file = normalize(join(root, decodeURIComponent(path)))
    if (!file.startsWith(root + sep)) return null
    try {
      const body = await readFile(file)
      const immutable = path.startsWith('/assets/')
      return new Response(body, {
        headers: {
          'Content-Type': types[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      })
    } catch {
      return null
    }
  }
}
