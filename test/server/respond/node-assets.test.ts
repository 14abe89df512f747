import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { nodeAssets } from '../../../server/node/assets'

function dist() {
  const root = mkdtempSync(join(tmpdir(), 'csi-assets-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'assets/app-1a2b.js'), 'plain')
  writeFileSync(join(root, 'assets/app-1a2b.js.br'), 'brotli copy')
  writeFileSync(join(root, 'assets/app-1a2b.js.gz'), 'gzip copy')
  writeFileSync(join(root, 'assets/only-3c4d.css'), 'body{}')
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  return nodeAssets(root)
}

describe('nodeAssets()', () => {
  test('a hashed asset: brotli when accepted, else gzip, else as built; cached for good', async () => {
    const assets = dist()
    const cases = [
      ['gzip, deflate, br, zstd', 'br', 'brotli copy'],
      ['gzip, deflate', 'gzip', 'gzip copy'],
      ['br;q=0, gzip', 'gzip', 'gzip copy'],
      ['', null, 'plain'],
      ['identity', null, 'plain'],
    ] as const
    for (const [accept, encoding, body] of cases) {
      const res = (await assets('/assets/app-1a2b.js', accept))!
      expect(res.headers.get('content-encoding'), accept).toBe(encoding)
      expect(await res.text(), accept).toBe(body)
      expect(res.headers.get('vary')).toBe('Accept-Encoding')
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    }
  })

  test('without a compressed copy the file is served as it is', async () => {
    const res = (await dist()('/assets/only-3c4d.css', 'br, gzip'))!
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe('body{}')
  })

  test('unhashed files are revalidated; copies and paths outside the folder are not served', async () => {
    const assets = dist()
    const html = (await assets('/index.html', 'br'))!
    expect(html.headers.get('cache-control')).toBe('no-cache')
    expect(html.headers.get('content-encoding')).toBeNull()
    expect(await assets('/assets/app-1a2b.js.br', 'br')).toBeNull()
    expect(await assets('/../package.json')).toBeNull()
    expect(await assets('/missing.js')).toBeNull()
  })
})
