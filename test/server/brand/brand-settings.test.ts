import { describe, expect, test } from 'vitest'
import { brandColourCheck, contrastRatio, parseHex } from '../../../server/brand/contrast'
import { LOGO_MAX_BYTES } from '../../../server/lib/logo-file'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])
const dataUrl = (type: string, bytes: Uint8Array | string) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`

describe('WCAG contrast', () => {
  // Reference ratios from the WCAG 2.x formula as WebAIM's contrast checker reports them.
  test.each([
    ['#767676', 4.54],
    ['#777777', 4.48],
    ['#0000ff', 8.59],
    ['#ff0000', 4.0],
    ['#000000', 21],
    ['#ffffff', 1],
  ])('white on %s is %s:1', (hex, ratio) => {
    expect(contrastRatio(parseHex(hex)!, [255, 255, 255])).toBeCloseTo(ratio, 2)
  })

  test('a colour that fails says its ratio and suggests a darker shade that passes', () => {
    const check = brandColourCheck('#f0b429')
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.reason).toMatch(
      /^white text on #f0b429 has a contrast of 1\.\d\d:1; WCAG AA needs 4\.5:1/,
    )
    expect(brandColourCheck(check.suggestion!).ok).toBe(true)
    expect(brandColourCheck('#19635a').ok).toBe(true)
  })
})

describe('/api/settings/brand', () => {
  async function setUp() {
    const t = await makeTestApp()
    const admin = await signedInAs(t.app, t.store, 'admin')
    const send = (method: string, path: string, body: unknown, cookie = admin) =>
      t.app.request(path, {
        method,
        headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost:8787' },
        body: JSON.stringify(body),
      })
    return { ...t, admin, send }
  }

  test('an admin sets the name, colour and languages; every page may read the look', async () => {
    const t = await setUp()
    const before = await (await t.app.request('/api/brand')).json()
    expect(before).toEqual({ organisation: null, primary: '#19635a', logoUrl: null })
    const res = await t.send('PUT', '/api/settings/brand', {
      organisation: 'Acme Supplies',
      primary: '#1D4ED8',
      languages: ['en', 'DE', 'fr-ca'],
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      organisation: 'Acme Supplies',
      primary: '#1d4ed8',
      languages: ['en', 'de', 'fr-CA'],
    })
    expect(await (await t.app.request('/api/brand')).json()).toEqual({
      organisation: 'Acme Supplies',
      primary: '#1d4ed8',
      logoUrl: null,
    })
    // null goes back to the default.
    await t.send('PUT', '/api/settings/brand', { primary: null })
    expect((await (await t.app.request('/api/brand')).json()).primary).toBe('#19635a')
  })

  test('bad values are refused naming the field, and nothing changes', async () => {
    const t = await setUp()
    const refused = async (body: unknown, path: string, message: RegExp) => {
      const res = await t.send('PUT', '/api/settings/brand', body)
      expect(res.status).toBe(400)
      const { error } = await res.json()
      expect(error.issues[0].path).toBe(path)
      expect(error.issues[0].message).toMatch(message)
    }
    await refused({ primary: '#ffcc00' }, 'primary', /WCAG AA needs 4\.5:1 .*would pass/)
    await refused({ primary: 'green' }, 'primary', /#rrggbb/)
    await refused({ languages: ['en', 'German!'] }, 'languages.1', /not a BCP 47 language tag/)
    await refused({ languages: ['de', 'DE'] }, 'languages', /twice/)
    await refused({ organisation: ' ' }, 'organisation', /must not be empty/)
    const unknown = await t.send('PUT', '/api/settings/brand', { colour: '#000000' })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).error.message).toMatch(/colour/)
    expect(await (await t.app.request('/api/brand')).json()).toEqual({
      organisation: null,
      primary: '#19635a',
      logoUrl: null,
    })
    const manager = await signedInAs(t.app, t.store, 'manager')
    expect(
      (await t.send('PUT', '/api/settings/brand', { organisation: 'X' }, manager)).status,
    ).toBe(403)
  })

  test('a logo is sniffed, size-limited, served by its hash with a year of caching', async () => {
    const t = await setUp()
    const put = (file: string) => t.send('PUT', '/api/settings/brand/logo', { file })
    const problem = async (file: string) => {
      const res = await put(file)
      expect(res.status).toBe(400)
      const { error } = await res.json()
      expect(error.issues[0].path).toBe('file')
      return error.issues[0].message as string
    }
    expect(await problem(dataUrl('image/gif', 'GIF89a....'))).toMatch(/not a PNG, JPEG or SVG/)
    // A GIF renamed .png is still a GIF: the bytes decide, not the claimed type.
    expect(await problem(dataUrl('image/png', 'GIF89a....'))).toMatch(/not a PNG, JPEG or SVG/)
    const big = new Uint8Array(LOGO_MAX_BYTES + 1)
    big.set(PNG)
    expect(await problem(dataUrl('image/png', big))).toMatch(/at most 100 KB/)
    const scripted = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    expect(await problem(dataUrl('image/svg+xml', scripted))).toMatch(/scripts/)
    const handler = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    expect(await problem(dataUrl('image/svg+xml', handler))).toMatch(/event handlers/)
    expect(await problem('https://example.com/logo.png')).toMatch(/data: URL/)

    const res = await put(dataUrl('image/png', PNG))
    expect(res.status).toBe(200)
    const { logoUrl } = await res.json()
    expect(logoUrl).toMatch(/^\/brand\/logo-[0-9a-f]{16}\.png$/)
    const file = await t.app.request(logoUrl)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG)

    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#19635a"/></svg>'
    const svgUrl = (await (await put(dataUrl('image/svg+xml', svg))).json()).logoUrl
    const served = await t.app.request(svgUrl)
    expect(served.headers.get('content-type')).toBe('image/svg+xml')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    // The replaced logo's name is gone; the public brand names the new one.
    expect((await t.app.request(logoUrl)).status).toBe(404)
    expect((await (await t.app.request('/api/brand')).json()).logoUrl).toBe(svgUrl)
    expect((await t.send('DELETE', '/api/settings/brand/logo', {})).status).toBe(200)
    expect((await (await t.app.request('/api/brand')).json()).logoUrl).toBeNull()
  })
})
