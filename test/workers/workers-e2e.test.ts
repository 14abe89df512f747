import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { answerSurvey } from '../helpers/answer-survey'
import { launchBrowser, screenshotDir } from '../helpers/browser'
import type { ApiCall } from '../helpers/email-api'
import { linkIn, startEmailApi } from '../helpers/email-api'
import { STALL_MS, waitForCondition } from '../helpers/wait-for'
import { devSession, startWranglerDev, type WranglerDev } from '../helpers/wrangler-dev'

const root = join(import.meta.dirname, '../..')
const admin = { email: 'admin@acme.example', password: 'correct horse battery' }
let api: Awaited<ReturnType<typeof startEmailApi>>
let dev: WranglerDev
let browser: Browser
let call: Awaited<ReturnType<typeof devSession>>

// No fixed time limit on the hooks and tests of this file: each wait in them goes on while
// wrangler, the queue or the page shows progress and fails on its own after STALL_MS without
// any (see ../helpers/wait-for.ts), so a run on a shared, busy machine is slower, not red.
const untimed = { timeout: 0 }

beforeAll(async () => {
  if (!existsSync(join(root, 'client/dist/index.html')))
    await promisify(execFile)('npm', ['run', 'build:client'], { cwd: root })
  api = await startEmailApi()
  dev = await startWranglerDev({
    vars: (url) => ({
      PUBLIC_URL: url,
      EMAIL_PROVIDER: 'http',
      EMAIL_API_URL: api.url,
      MAIL_FROM: 'Acme Surveys <surveys@acme.example>',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    }),
  })
  call = await devSession(dev, admin)
  browser = await launchBrowser()
}, untimed.timeout)

afterAll(async () => {
  await browser?.close()
  await dev?.stop()
  await api?.stop()
})

const kindOf = (c: ApiCall) =>
  String((c.body.headers as Record<string, string>)['X-CSI-Message']).split(/[-.]/)[0]

/**
 * Waits until none of the wave's outbox rows is pending (leased or due), so nothing more can
 * go out; fails only when the rows stop changing for STALL_MS while none is scheduled later.
 */
async function outboxSettled(waveId: string) {
  await waitForCondition(`wave ${waveId}'s outbox settled`, () => outboxState(waveId), {
    done: (o) => o.pending === 0,
    progress: (o) => [o.rows, api.calls.length],
    quietUntil: (o) => o.nextAt,
    describe: (o) => JSON.stringify(o.rows),
  })
}

/** The wave's outbox by kind, status and attempts, and when the earliest pending row is due. */
async function outboxState(waveId: string) {
  const rows = await dev.d1(
    'select kind, status, attempts, count(*) as n from outbox where wave_id = ? group by kind, status, attempts order by kind, status, attempts',
    [waveId],
  )
  // A leased row is due again when its lease ends (as the Worker's own pendingSummary says).
  const [due] = await dev.d1(
    "select count(*) as n, min(max(next_attempt_at, coalesce(lease_until, 0))) as at from outbox where wave_id = ? and status = 'pending'",
    [waveId],
  )
  return {
    rows,
    pending: Number(due!.n),
    nextAt: due!.at == null ? null : Number(due!.at) * 1000,
  }
}

/** The queue consumer's per-invocation lines: what each sent and what it cost in D1. */
function drainLines() {
  return dev.logs
    .filter((l) => l.startsWith('outbox drain'))
    .map((l) => {
      const n = (k: string) => Number(new RegExp(`${k}=(\\d+)`).exec(l)![1])
      return {
        sent: n('sent'),
        calls: n('d1_calls'),
        statements: n('d1_statements'),
        messages: n('messages'),
      }
    })
}

describe('the whole scenario on workerd + local D1 (wrangler dev)', untimed, () => {
  test('contacts, invitations through the queue, a response in Chromium, follow-ups, a cron reminder, a report', async () => {
    const created = await call('POST', '/api/waves', {
      surveyId: 'customer',
      name: 'Workers Q4',
      remindAfterDays: 0,
      maxReminders: 1,
    })
    expect(created.status).toBe(201)
    const waveId = created.body.wave.id as string
    const imported = await call('POST', `/api/waves/${waveId}/contacts`, {
      csv: 'email,name,owner\nann@example.com,Ann,owner@acme.example\nbob@example.com,Bob,\ncy@example.com,Cy,\n',
    })
    expect(imported).toMatchObject({ status: 200, body: { imported: 3, added: 3 } })

    const invited = await call('POST', `/api/waves/${waveId}/invite`, {})
    expect(invited).toMatchObject({ status: 202, body: { queued: 3, sending: true } })
    const invitations = await api.waitForAccepted(3)
    expect(invitations.map((c) => c.body.to).sort()).toEqual([
      'ann@example.com',
      'bob@example.com',
      'cy@example.com',
    ])
    for (const c of invitations) {
      expect(kindOf(c)).toBe('invitation')
      expect(c.body.from).toBe('"Acme Surveys" <surveys@acme.example>')
      expect(c.headers['idempotency-key']).toBe(String(c.body.messageId).replace(/[<>]/g, ''))
      expect(linkIn(c).startsWith(`${dev.url}/s/`)).toBe(true)
    }

    // Ann answers in Chromium through the Worker's assets, with a low overall score.
    const ann = invitations.find((c) => c.body.to === 'ann@example.com')!
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(linkIn(ann))
    await page.locator('.sd-question[data-name="overall"]').waitFor({ timeout: STALL_MS })
    await page.screenshot({ path: join(screenshotDir, 'workers-respond.png') })
    await page.setViewportSize({ width: 375, height: 800 })
    await page.screenshot({ path: join(screenshotDir, 'workers-respond-mobile.png') })
    await page.setViewportSize({ width: 1280, height: 720 })
    await answerSurvey(page, 2)
    await page
      .getByText(/thank you/i)
      .first()
      .waitFor({ timeout: STALL_MS })
    await context.close()

    // The low score: one acknowledgement to Ann, one alert to her owner, sent by the queue.
    const followUps = (await api.waitForAccepted(5)).slice(3)
    expect(followUps.map((c) => [kindOf(c), c.body.to]).sort()).toEqual([
      ['acknowledgement', 'ann@example.com'],
      ['alert', 'owner@acme.example'],
    ])

    // The cron: reminders for Bob and Cy (due at once: remindAfterDays 0), none for Ann.
    expect((await dev.scheduled('*/15 * * * *')).status).toBe(200)
    await dev.waitForLog(
      /^scheduled run: 0 wave\(s\) closed, 2 reminder\(s\) queued in 1 wave\(s\)/,
    )
    const reminders = (await api.waitForAccepted(7)).slice(5)
    expect(reminders.map((c) => [kindOf(c), c.body.to]).sort()).toEqual([
      ['reminder', 'bob@example.com'],
      ['reminder', 'cy@example.com'],
    ])
    // A reminder's link is a fresh token that opens the same invitation.
    expect(linkIn(reminders[0]!)).not.toBe(
      linkIn(invitations.find((c) => c.body.to === reminders[0]!.body.to)!),
    )

    // Run again: the rule allows one reminder, so nothing more; nothing was sent twice. Every
    // email goes out from a pending outbox row: once none is left, none can still arrive.
    expect((await dev.scheduled('*/15 * * * *')).status).toBe(200)
    await dev.waitForLog(/^scheduled run: 0 wave\(s\) closed, 0 reminder\(s\) queued/)
    await outboxSettled(waveId)
    expect(api.accepted).toHaveLength(7)
    const keys = api.accepted.map((c) => c.headers['idempotency-key'])
    expect(new Set(keys).size).toBe(7)

    const report = await call('GET', `/api/waves/${waveId}/report`)
    expect(report.status).toBe(200)
    expect(report.body.groups[0]).toMatchObject({
      audience: 'customer',
      n: 1,
      responseRate: { invited: 3, responded: 1 },
    })
    expect(report.body.groups[0].csi.n).toBe(1)
    const rows = await dev.d1(
      'select kind, status, count(*) as n from outbox where wave_id = ? group by kind, status order by kind',
      [waveId],
    )
    expect(rows).toEqual([
      { kind: 'acknowledgement', status: 'sent', n: 1 },
      { kind: 'alert', status: 'sent', n: 1 },
      { kind: 'invitation', status: 'sent', n: 3 },
      { kind: 'reminder', status: 'sent', n: 2 },
    ])
  })
})

const contactFile = (n: number, bad?: number) =>
  'email,name,region\n' +
  Array.from({ length: n }, (_, i) =>
    i + 2 === bad
      ? `not-an-address-${i},P ${i},north`
      : `p${i}@example.com,P ${i},${i % 2 ? 'north' : 'south'}`,
  ).join('\n') +
  '\n'

describe('10,000 contacts and invitations on workerd + local D1', () => {
  test(
    'an import of 10,000 contacts lands whole or not at all; 10,000 invitations drain through the queue',
    untimed,
    async () => {
      const created = await call('POST', '/api/waves', { surveyId: 'customer', name: 'Big wave' })
      const waveId = created.body.wave.id as string
      const count = async () =>
        (await dev.d1('select count(*) as n from invitations where wave_id = ?', [waveId]))[0]!.n

      // One bad row near the end: nothing lands, the row is named, no staged rows remain.
      const refused = await call('POST', `/api/waves/${waveId}/contacts`, {
        csv: contactFile(10_000, 9_999),
      })
      expect(refused.status).toBe(400)
      expect(refused.body.error.issues).toEqual([
        { path: 'row 9999', message: 'email: "not-an-address-9997" is not an email address' },
      ])
      expect(await count()).toBe(0)
      expect(await dev.d1('select count(*) as n from import_rows')).toEqual([{ n: 0 }])

      const started = Date.now()
      const imported = await call('POST', `/api/waves/${waveId}/contacts`, {
        csv: contactFile(10_000),
      })
      const importMs = Date.now() - started
      expect(imported).toMatchObject({ status: 200, body: { imported: 10_000, added: 10_000 } })
      expect(await count()).toBe(10_000)

      const before = api.accepted.length
      const requestsBefore = api.calls.length
      const drainsBefore = drainLines().length
      const sendStart = Date.now()
      const invited = await call('POST', `/api/waves/${waveId}/invite`, {})
      expect(invited).toMatchObject({ status: 202, body: { queued: 10_000, sending: true } })
      const queuedMs = Date.now() - sendStart
      // Done when the email API has all 10,000, D1 marks them sent and the consumer has logged
      // each invocation; however long that takes, as long as something moves: an email, a row,
      // a log line, or a retry or lease end the outbox itself has scheduled.
      const drained = await waitForCondition(
        '10,000 invitations drained through the queue',
        async () => ({
          accepted: api.accepted.length - before,
          requests: api.calls.length - requestsBefore,
          logged: drainLines()
            .slice(drainsBefore)
            .reduce((n, d) => n + d.sent, 0),
          outbox: await outboxState(waveId),
        }),
        {
          done: (v) => v.accepted >= 10_000 && v.outbox.pending === 0 && v.logged >= 10_000,
          progress: (v) => [v.accepted, v.requests, v.logged, v.outbox.rows],
          quietUntil: (v) => v.outbox.nextAt,
          describe: (v) =>
            `${v.accepted} of 10,000 accepted by the email API (${v.requests} requests), ${v.logged} logged sent by the consumer; outbox ${JSON.stringify(v.outbox.rows)}; last lines:\n${dev.logs.slice(-10).join('\n')}`,
          intervalMs: 500,
        },
      )
      const sendMs = Date.now() - sendStart
      const mine = api.accepted.slice(before)
      expect(new Set(mine.map((c) => c.body.to)).size).toBe(10_000)
      // All sent, some perhaps after a retry (attempts > 0) if the machine was busy.
      expect(drained.outbox.rows.filter((r) => r.status !== 'sent')).toEqual([])
      expect(drained.outbox.rows.reduce((n, r) => n + Number(r.n), 0)).toBe(10_000)
      // What the consumer cost in D1.
      const drains = drainLines().slice(drainsBefore)
      const total = drains.reduce(
        (t, d) => ({
          sent: t.sent + d.sent,
          calls: t.calls + d.calls,
          statements: t.statements + d.statements,
        }),
        { sent: 0, calls: 0, statements: 0 },
      )
      expect(total.sent).toBe(10_000)
      const most = Math.max(...drains.map((d) => d.statements))
      // Workers Paid allows 1,000 D1 queries per invocation (the free plan 50): far from both.
      expect(most).toBeLessThan(1000)
      console.log(
        `10,000 contacts imported in ${importMs} ms; 10,000 invitations queued in ${queuedMs} ms, all accepted by the email API after ${sendMs} ms; ${drains.length} queue invocations; D1 per invitation: ${(total.calls / total.sent).toFixed(3)} calls, ${(total.statements / total.sent).toFixed(3)} statements; most statements in one invocation: ${most}`,
      )
    },
  )
})
