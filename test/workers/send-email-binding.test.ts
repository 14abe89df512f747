import { afterAll, beforeAll, expect, test } from 'vitest'
import { devSession, startWranglerDev, type WranglerDev } from '../helpers/wrangler-dev'

// The Cloudflare Email Service path: the Worker's `send_email` binding, as wrangler dev
// emulates it (each message logged, its text and HTML written to files). The emulation drops
// custom headers, so List-Unsubscribe and X-CSI-Message-ID are checked in the unit tests.
const admin = { email: 'admin@acme.example', password: 'correct horse battery' }
let dev: WranglerDev
let call: Awaited<ReturnType<typeof devSession>>

beforeAll(async () => {
  dev = await startWranglerDev({
    vars: (url) => ({
      PUBLIC_URL: url,
      MAIL_FROM: 'Acme Surveys <surveys@acme.example>',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    }),
  })
  call = await devSession(dev, admin)
}, 0) // no fixed limit: start-up fails on its own once wrangler shows no activity

afterAll(() => dev?.stop())

const post = (path: string, body: unknown) => call('POST', path, body)

test('without an HTTPS provider, invitations go out through the send_email binding', async () => {
  const created = await post('/api/waves', { surveyId: 'wholesaler', name: 'Supply 2026' })
  const waveId = created.body.wave.id as string
  await post(`/api/waves/${waveId}/contacts`, {
    csv: 'email,name\nwil@example.com,Wil\nxia@example.com,Xia\n',
  })
  const invited = await post(`/api/waves/${waveId}/invite`, {})
  expect(invited).toMatchObject({ status: 202, body: { queued: 2, sending: true } })
  await dev.waitForLog(/^outbox drain wave=\S+: sent=2 /)

  const emails = await dev.emails()
  expect(emails.map((e) => [e.form, e.from, e.to]).sort()).toEqual([
    ['builder', '"Acme Surveys" <surveys@acme.example>', 'wil@example.com'],
    ['builder', '"Acme Surveys" <surveys@acme.example>', 'xia@example.com'],
  ])
  for (const e of emails) {
    expect(e.subject.length).toBeGreaterThan(5)
    expect(e.text).toMatch(new RegExp(`${dev.url}/s/[A-Za-z0-9_-]{20,}`))
    expect(e.html).toContain(`${dev.url}/u/`)
  }
  const rows = await dev.d1(
    'select status, count(*) as n from outbox where wave_id = ? group by status',
    [waveId],
  )
  expect(rows).toEqual([{ status: 'sent', n: 2 }])
}, 0) // no fixed limit: waitForLog fails on its own once wrangler shows no activity
