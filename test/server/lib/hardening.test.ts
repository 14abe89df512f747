import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { toCsv } from '../../../server/lib/csv'
import { ADDRESS_SHARE } from '../../../server/respond/rate-limit'
import { unsubscribeToken } from '../../../server/lib/unsubscribe-token'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { invitedWave } from '../../helpers/invited-wave'
import { signedInAs } from '../../helpers/session'

const ORIGIN = 'http://localhost:8787'
const jsonPost = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

describe('Content-Security-Policy', () => {
  test('every response carries a strict policy with a fresh nonce; the info page’s style matches its hash', async () => {
    const { app } = await makeTestApp()
    const a = await app.request('/u/not-a-token')
    const b = await app.request('/u/not-a-token')
    const csp = a.headers.get('content-security-policy')!
    expect(csp).toMatch(/default-src 'self'/)
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'(;|$)/)
    expect(csp).toMatch(/object-src 'none'/)
    expect(csp).toMatch(/frame-ancestors 'none'/)
    expect(csp).not.toMatch(/unsafe-eval/)
    // Only style attributes may be inline (survey-core sets some); scripts and <style> may not.
    expect(csp.match(/[\w-]+ [^;]*'unsafe-inline'/g)).toEqual(["style-src-attr 'unsafe-inline'"])
    const nonce = (h: string) => /'nonce-([^']+)'/.exec(h)![1]
    expect(nonce(csp)).not.toBe(nonce(b.headers.get('content-security-policy')!))
    const style = /<style>([^]*?)<\/style>/.exec(await a.text())![1]!
    const hash = createHash('sha256').update(style).digest('base64')
    expect(csp).toContain(`'sha256-${hash}'`)
  })

  test('API answers carry the same strict policy with no nonce: data has no inline blocks to allow', async () => {
    const { app } = await makeTestApp()
    for (const path of ['/api/health', '/api/openapi.json', '/api/docs', '/api/waves']) {
      const csp = (await app.request(path)).headers.get('content-security-policy')!
      expect(csp, path).toMatch(/default-src 'self'/)
      expect(csp, path).toMatch(/script-src 'self'(;|$)/)
      expect(csp, path).toMatch(/frame-ancestors 'none'/)
      expect(csp, path).not.toMatch(/nonce-/)
      expect(csp.match(/[\w-]+ [^;]*'unsafe-inline'/g), path).toEqual([
        "style-src-attr 'unsafe-inline'",
      ])
    }
  })

  test('the printable questionnaire’s one style and script carry the response’s nonce', async () => {
    const { app, store } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'manager')
    const res = await app.request('/print/customer', { headers: { cookie } })
    expect(res.status).toBe(200)
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)![1]
    const html = await res.text()
    expect(html.match(/<(style|script)[^>]*>/g)).toEqual([
      `<style nonce="${nonce}">`,
      `<script nonce="${nonce}">`,
    ])
    expect(html).not.toMatch(/\sstyle="|\son\w+="/)
  })
})

describe('Strict-Transport-Security', () => {
  test('is not sent over plain http', async () => {
    const { app } = await makeTestApp({ publicUrl: 'http://localhost:8787' })
    expect((await app.request('/api/health')).headers.get('strict-transport-security')).toBeNull()
  })
  test('is sent when the site is https', async () => {
    const { app } = await makeTestApp({ publicUrl: 'https://csi.example.com' })
    expect((await app.request('/api/health')).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
  })
})

describe('Cache-Control on private JSON', () => {
  test('API answers are no-store unless they chose otherwise', async () => {
    const { app, store } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'admin')
    const w = await invitedWave(store, 'customer', ['a@example.com'])
    for (const path of ['/api/me', '/api/waves', `/api/waves/${w.id}/report`, '/api/users']) {
      const res = await app.request(path, { headers: { cookie } })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-store')
    }
    expect((await app.request('/api/nope')).headers.get('cache-control')).toBe('no-store')
  })
})

describe('Origin check on cookie-carrying writes', () => {
  test('another site, or the opaque origin, is refused; this site and cookie-less clients pass', async () => {
    const { app, store } = await makeTestApp()
    const cookie = await signedInAs(app, store, 'admin')
    const body = { email: 'new@example.com', role: 'hr' }
    const foreignHeaders: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ]
    for (const headers of foreignHeaders) {
      const res = await app.request('/api/users', jsonPost(body, { cookie, ...headers }))
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /^Cross-site request refused/,
      )
    }
    expect(
      (await app.request('/api/users', jsonPost(body, { cookie, Origin: ORIGIN }))).status,
    ).toBe(201)
    // A same-origin respondent's link cookie passes; a foreign page posting with it does not.
    const w = await invitedWave(store, 'customer', ['b@example.com'])
    const opened = await app.request(`/s/${w.invitees['b@example.com']!.token}`)
    const link = opened.headers.get('set-cookie')!.split(';')[0]!
    const answer = submission(makeCustomerAnswers())
    const foreign = await app.request(
      '/api/respond/responses',
      jsonPost(answer, { cookie: link, Origin: 'https://evil.example' }),
    )
    expect(foreign.status).toBe(403)
    expect(
      (
        await app.request(
          '/api/respond/responses',
          jsonPost(answer, { cookie: link, Origin: ORIGIN }),
        )
      ).status,
    ).toBe(201)
  })

  test('one-click unsubscribe (RFC 8058) still works: a POST with no cookie and no Origin', async () => {
    const { app, store, config } = await makeTestApp()
    const w = await invitedWave(store, 'customer', ['c@example.com'])
    const token = await unsubscribeToken(config.authSecret, w.invitees['c@example.com']!.id)
    const res = await app.request(`/u/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('You are unsubscribed')
  })
})

describe('respondent rate limits', () => {
  test('are kept per link: colleagues behind one address each get their own budget', async () => {
    const { app } = await makeTestApp({ tokenRateLimit: 3, clientIp: '203.0.113.50' })
    const links = Array.from({ length: 8 }, (_, i) => String.fromCharCode(65 + i).repeat(43))
    for (const token of links)
      for (let i = 0; i < 3; i++)
        expect((await app.request(`/api/links/${token}`)).status).toBe(404)
    // One person over their link's budget is slowed, and only they are.
    const over = await app.request(`/api/links/${links[0]}`)
    expect(over.status).toBe(429)
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(
      /^Too many requests for this survey link/,
    )
    expect((await app.request(`/api/links/${'Z'.repeat(43)}`)).status).toBe(404)
  })

  test('an address still has a ceiling, ADDRESS_SHARE links’ worth', async () => {
    const { app } = await makeTestApp({ tokenRateLimit: 1, clientIp: '203.0.113.51' })
    for (let i = 0; i < ADDRESS_SHARE; i++)
      expect((await app.request(`/api/links/${String(i).padStart(43, 'x')}`)).status).toBe(404)
    const over = await app.request(`/api/links/${'y'.repeat(43)}`)
    expect(over.status).toBe(429)
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(
      /^Too many requests from your network/,
    )
  })
})

describe('startedAt', () => {
  test.each([
    ['far in the future', '9999-12-31T00:00:00Z'],
    ['an hour after the submission', new Date(Date.now() + 3_600_000).toISOString()],
    ['long before the wave', '2001-01-01T00:00:00Z'],
  ])('%s is refused by name, and nothing is stored', async (_, startedAt) => {
    const { app, store } = await makeTestApp()
    const w = await invitedWave(store, 'customer', ['d@example.com'])
    const token = w.invitees['d@example.com']!.token
    const res = await app.request(
      `/api/links/${token}/responses`,
      jsonPost({ ...submission(makeCustomerAnswers()), startedAt }),
    )
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { issues: { path: string }[] } }
    expect(body.error.issues.map((i) => i.path)).toEqual(['startedAt'])
    const ok = await app.request(
      `/api/links/${token}/responses`,
      jsonPost(submission(makeCustomerAnswers())),
    )
    expect(ok.status).toBe(201)
  })

  test('a device clock a few minutes ahead is kept, but never later than the submission', async () => {
    const { app, store } = await makeTestApp()
    const w = await invitedWave(store, 'customer', ['e@example.com'])
    const before = Date.now()
    const res = await app.request(
      `/api/links/${w.invitees['e@example.com']!.token}/responses`,
      jsonPost({
        ...submission(makeCustomerAnswers()),
        startedAt: new Date(before + 120_000).toISOString(),
      }),
    )
    expect(res.status).toBe(201)
    const [row] = store.sqlite.prepare('select started_at, submitted_at from responses').all() as {
      started_at: number
      submitted_at: number
    }[]
    expect(row!.started_at).toBeLessThanOrEqual(row!.submitted_at)
  })
})

describe('formula guard', () => {
  test.each([
    '=1+1',
    ' =1+1',
    '\u200b=HYPERLINK("x")',
    '\ufeff+1',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '\t=1',
    '\r=1',
    '\n=1',
  ])('%j is quoted so no spreadsheet reads a formula', (cell) => {
    expect(toCsv([[cell]])).toBe(`"'${cell.replaceAll('"', '""')}"\r\n`)
  })
  test.each(['plain', 'a=b', '3', ' 3 ', 'x@example.com', '\u200b3'])(
    '%j is not escaped',
    (cell) => {
      expect(toCsv([[cell]])).not.toContain("'")
    },
  )
})
