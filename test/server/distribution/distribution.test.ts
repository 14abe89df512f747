import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, test } from 'vitest'
import { createApp } from '../../../server/app'
import { openDatabase } from '../../../server/node/open-database'
import { makeCustomerAnswers } from '../../helpers/answers'
import { repoRoot } from '../../helpers/node-server'
import type { Received } from '../../helpers/smtp'
import { rawHeader, startSmtpServer, surveyLink } from '../../helpers/smtp'

const run = promisify(execFile)
const PUBLIC_URL = 'http://127.0.0.1:9'
const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

/** A fresh database and the `csi` command bound to it and to `smtpUrl`. */
function workspace(smtpUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'csi-dist-'))
  const env = {
    ...process.env,
    DATABASE_PATH: join(dir, 'csi.db'),
    PUBLIC_URL,
    MAIL_FROM: 'Acme Surveys <surveys@acme.example>',
    AUTH_SECRET: 'distribution-test-secret-0123456789abcdef',
    ...(smtpUrl ? { SMTP_URL: smtpUrl } : { SMTP_URL: '' }),
  }
  const csi = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['server/cli/bin.js', ...args], {
        cwd: repoRoot,
        env,
      })
      return { code: 0, stdout, stderr }
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string }
      return { code: e.code, stdout: e.stdout, stderr: e.stderr }
    }
  }
  const file = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  /** The app over the same database file, as `npm start` would serve it. */
  const app = () => {
    const store = openDatabase(env.DATABASE_PATH)
    stops.push(async () => store.close())
    const config = {
      runtime: 'node' as const,
      publicUrl: PUBLIC_URL,
      bodyLimit: 256 * 1024,
      authSecret: env.AUTH_SECRET,
      tokenRateLimit: 0,
    }
    return createApp({
      store: () => store,
      config: () => config,
      asset: async () => new Response('<!doctype html><title>respond</title>'),
    })
  }
  const sql = (query: string, ...params: unknown[]) => {
    const db = new Database(env.DATABASE_PATH, { readonly: true })
    try {
      return db.prepare(query).all(...params) as Record<string, unknown>[]
    } finally {
      db.close()
    }
  }
  return { dir, env, csi, file, app, sql }
}

async function smtp(opts: Parameters<typeof startSmtpServer>[0] = {}) {
  const server = await startSmtpServer(opts)
  stops.push(server.stop)
  return server
}

async function newWave(w: ReturnType<typeof workspace>, survey = 'customer') {
  const out = await w.csi(
    'wave',
    'create',
    '--survey',
    survey,
    '--name',
    `Q4 ${survey}s`,
    '--closes',
    '2099-12-31',
    '--json',
  )
  expect(out.code, out.stderr).toBe(0)
  return JSON.parse(out.stdout).id as string
}

const contactsCsv = (n: number, audience = 'customer') =>
  [
    'email,name,audience,owner,region',
    ...Array.from(
      { length: n },
      (_, i) =>
        `c${i}@example.com,Contact ${i},${audience},am@acme.example,${i % 2 ? 'north' : 'south'}`,
    ),
  ].join('\n')

/** Follows an emailed link as a browser would: /s/<token> → cookie + 303 → the API with it. */
async function openLink(app: ReturnType<ReturnType<typeof workspace>['app']>, link: string) {
  const path = new URL(link).pathname
  const res = await app.request(path)
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe('/s/')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  const cookie = res.headers.get('set-cookie')!
  expect(cookie).toMatch(/^csi_link=[A-Za-z0-9_-]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/)
  return cookie.split(';')[0]!
}

const jsonBody = (method: string, body: unknown, cookie?: string) => ({
  method,
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
})

// Each step runs the real `csi` in a child process: generous timeouts on a busy machine.
describe('a wave from the command line against a real SMTP server', { timeout: 120_000 }, () => {
  test('import, invite, respond, opt out, remind, postal import and response rates', async () => {
    const mail = await smtp()
    const w = workspace(mail.url)
    const wave = await newWave(w)

    // A file with bad rows stores nothing and names every bad row.
    const bad = w.file(
      'bad.csv',
      'email,name,audience\nok@example.com,Ok,customer\nnot-an-email,X,customer\nb@example.com,B,retailer\nOK@example.com,Dup,customer\n',
    )
    const refused = await w.csi('contacts', 'import', bad, '--wave', wave)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('nothing was imported: 3 problems')
    expect(refused.stderr).toContain('row 3: email: "not-an-email" is not an email address')
    expect(refused.stderr).toContain(
      'row 4: audience: "retailer" does not match this wave\'s audience "customer"',
    )
    expect(refused.stderr).toContain('row 5: email: ok@example.com is also on row 2')
    expect(w.sql('select count(*) n from invitations')[0]!.n).toBe(0)
    expect(w.sql('select count(*) n from import_rows')[0]!.n).toBe(0)

    const imported = await w.csi(
      'contacts',
      'import',
      w.file('contacts.csv', contactsCsv(3)),
      '--wave',
      wave,
    )
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('Imported 3 contacts')

    const invited = await w.csi('invite', '--wave', wave)
    expect(invited.code, invited.stderr).toBe(0)
    expect(invited.stdout).toContain('3 sent, 0 bounced')
    expect(mail.received.map((m) => m.to).sort()).toEqual([
      'c0@example.com',
      'c1@example.com',
      'c2@example.com',
    ])
    const first = mail.received.find((m) => m.to === 'c0@example.com')!
    expect(first.subject).toBe('How are we doing? A 3-minute survey from Acme Surveys')
    expect(first.messageId).toMatch(/^<invitation-0\.i-[0-9a-f]{20}@127\.0\.0\.1>$/)
    expect(rawHeader(first, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(rawHeader(first, 'List-Unsubscribe')).toMatch(
      /^<http:\/\/127\.0\.0\.1:9\/u\/i-[0-9a-f]{20}\.[A-Za-z0-9_-]+>$/,
    )
    expect(first.html).toContain('Start the survey')
    // Raw tokens leave the database once sent; only hashes stay.
    expect(w.sql('select count(*) n from outbox where token is not null')[0]!.n).toBe(0)

    // Running it again sends nothing more.
    expect((await w.csi('invite', '--wave', wave)).stdout).toContain('Queued 0 new invitations')
    expect(mail.received).toHaveLength(3)

    const app = w.app()
    // c0 answers through the emailed link; a second submit stores nothing more.
    const cookie = await openLink(app, surveyLink(first))
    const view = await (await app.request('/api/respond', { headers: { cookie } })).json()
    expect(view.link.kind).toBe('invitation')
    const saved = await app.request(
      '/api/respond/draft',
      jsonBody('PUT', { data: { overall: 2 }, pageNo: 0 }, cookie),
    )
    expect(saved.status).toBe(200)
    expect(
      (await (await app.request('/api/respond', { headers: { cookie } })).json()).link.saved,
    ).toEqual({ data: { overall: 2 }, pageNo: 0 })
    // No score at 2 or below: a low score would also queue follow-up emails (closing-the-loop
    // tests cover those), and this test counts the survey emails alone.
    const answers = makeCustomerAnswers({ overall: 4, rebuy: 3, region: undefined })
    ;(answers.attributes as Record<string, number>).complaint_handling = 3
    const submit = () =>
      app.request(
        '/api/respond/responses',
        jsonBody('POST', { data: answers, submissionKey: 'abcdef12-key' }, cookie),
      )
    const results = await Promise.all([submit(), submit(), submit()])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
    expect(w.sql('select count(*) n from responses')[0]!.n).toBe(1)
    const stored = w.sql('select mode, segments, invitation_id from responses')[0]!
    expect(stored.mode).toBe('web')
    expect(JSON.parse(String(stored.segments)).region).toBe('south')
    // The link is now used: a friendly page, no survey.
    expect((await app.request(new URL(surveyLink(first)).pathname)).status).toBe(409)

    // c1 unsubscribes with a one-click POST (no cookie); GET alone never unsubscribes.
    const c1 = mail.received.find((m) => m.to === 'c1@example.com')!
    const unsubscribe = new URL(rawHeader(c1, 'List-Unsubscribe')!.slice(1, -1)).pathname
    expect((await app.request(unsubscribe)).status).toBe(200)
    expect(w.sql('select count(*) n from opt_outs')[0]!.n).toBe(0)
    const posted = await app.request(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(posted.status).toBe(200)
    expect(w.sql('select email from opt_outs')).toEqual([{ email: 'c1@example.com' }])

    // The reminder skips the responder and the opted-out contact.
    const reminded = await w.csi('remind', '--wave', wave, '--after-days', '0')
    expect(reminded.code, reminded.stderr).toBe(0)
    expect(reminded.stdout).toContain('Queued 1 reminder')
    expect(mail.received.slice(3).map((m) => m.to)).toEqual(['c2@example.com'])
    expect(mail.received[3]!.subject).toMatch(/^Reminder/)
    // At most --max reminders each.
    expect(
      (await w.csi('remind', '--wave', wave, '--after-days', '0', '--max', '1')).stdout,
    ).toContain('Queued 0 reminders')

    // c2 answers on paper; the postal import marks the invitation used.
    const postal = w.file(
      'postal.csv',
      `respondent,overall,rebuy,product_quality\nc2@example.com,5,4,5\n,4,4,3\n`,
    )
    const posted2 = await w.csi('responses', 'import', postal, '--wave', wave, '--mode', 'postal')
    expect(posted2.code, posted2.stderr).toBe(0)
    expect(posted2.stdout).toContain('Imported 2 responses')
    expect(w.sql('select mode, count(*) n from responses group by mode order by mode')).toEqual([
      { mode: 'postal', n: 2 },
      { mode: 'web', n: 1 },
    ])
    const again = await w.csi('responses', 'import', postal, '--wave', wave)
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain('respondent: c2@example.com has already responded')

    // Response rates: 2 of 3 invitees responded (the anonymous postal row is not an invitee).
    const shown = JSON.parse((await w.csi('wave', 'show', wave, '--json')).stdout)
    expect(shown.invitations).toMatchObject({
      invited: 3,
      responded: 2,
      optedOut: 1,
      rr1: 2 / 3,
      rr2: 2 / 3,
    })
    const report = JSON.parse((await w.csi('report', '--wave', wave, '--format', 'json')).stdout)
    const customers = report.groups.find((g: { segment: unknown }) => g.segment === null)
    expect(customers.n).toBe(3)
    expect(customers.responseRate).toMatchObject({
      invited: 3,
      responded: 2,
      optedOut: 1,
      rr1: 2 / 3,
    })
  })

  test('an SMTP server that answers 421 and then accepts gets the message once', async () => {
    const mail = await smtp({ temporaryFailures: 1 })
    const w = workspace(mail.url)
    const wave = await newWave(w)
    await w.csi('contacts', 'import', w.file('c.csv', contactsCsv(1)), '--wave', wave)
    const out = await w.csi('invite', '--wave', wave, '--retry-base', '50')
    expect(out.code, out.stderr).toBe(0)
    expect(mail.attempts()).toBe(2)
    expect(mail.received).toHaveLength(1)
    expect(w.sql('select status, attempts from outbox')).toEqual([{ status: 'sent', attempts: 1 }])
  })

  test('a 550 is recorded as a bounce and never retried', async () => {
    const mail = await smtp({ rejected: ['c0@example.com'] })
    const w = workspace(mail.url)
    const wave = await newWave(w)
    await w.csi('contacts', 'import', w.file('c.csv', contactsCsv(2)), '--wave', wave)
    const out = await w.csi('invite', '--wave', wave)
    expect(out.stdout).toContain('1 sent, 1 bounced')
    expect(w.sql('select email, bounced from invitations order by email')).toEqual([
      { email: 'c0@example.com', bounced: 1 },
      { email: 'c1@example.com', bounced: 0 },
    ])
    expect(
      JSON.parse((await w.csi('wave', 'show', wave, '--json')).stdout).invitations.bounced,
    ).toBe(1)
  })

  test('without SMTP_URL messages are written as .eml files beside the database', async () => {
    const w = workspace()
    const wave = await newWave(w)
    await w.csi('contacts', 'import', w.file('c.csv', contactsCsv(2)), '--wave', wave)
    const out = await w.csi('invite', '--wave', wave)
    expect(out.stdout).toContain(
      `2 sent, 0 bounced, 0 failed, 0 cancelled (to ${join(w.dir, 'outbox')})`,
    )
    const { readdirSync, readFileSync } = await import('node:fs')
    const files = readdirSync(join(w.dir, 'outbox'))
    expect(files).toHaveLength(2)
    const eml = readFileSync(join(w.dir, 'outbox', files[0]!), 'utf8')
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m)
    expect(eml).toMatch(/^Message-ID: <invitation-0\.i-[0-9a-f]{20}@127\.0\.0\.1>\r$/m)
  })
})

describe('exactly one invitation per contact across a crash', { timeout: 120_000 }, () => {
  const contacts = 120

  async function killedHalfWay(signal: NodeJS.Signals) {
    const mail = await smtp({ delayMs: 15 })
    const w = workspace(mail.url)
    const wave = await newWave(w)
    await w.csi('contacts', 'import', w.file('c.csv', contactsCsv(contacts)), '--wave', wave)
    const child = spawn(
      process.execPath,
      ['server/cli/bin.js', 'invite', '--wave', wave, '--concurrency', '4', '--lease', '1500'],
      { cwd: repoRoot, env: w.env, stdio: 'ignore' },
    )
    const exited = new Promise((r) => child.once('exit', r))
    while (mail.received.length < contacts / 3) await new Promise((r) => setTimeout(r, 20))
    child.kill(signal)
    await exited
    const before = mail.received.length
    expect(before).toBeLessThan(contacts)
    const rerun = await w.csi('invite', '--wave', wave, '--lease', '1500')
    expect(rerun.code, rerun.stderr).toBe(0)
    return { mail, w, before }
  }

  const perContact = (received: Received[]) => {
    const ids = new Map<string, Set<string>>()
    for (const m of received) ids.set(m.to, (ids.get(m.to) ?? new Set()).add(m.messageId))
    return ids
  }

  test('Ctrl-C (SIGINT) finishes the messages in flight: every contact gets exactly one', async () => {
    const { mail, w } = await killedHalfWay('SIGINT')
    expect(mail.received).toHaveLength(contacts)
    expect(new Set(mail.received.map((m) => m.to)).size).toBe(contacts)
    expect(w.sql("select count(*) n from outbox where status = 'sent'")[0]!.n).toBe(contacts)
  })

  test('kill -9: every contact gets one message; a message caught in flight is resent with its Message-ID', async () => {
    const { mail, w } = await killedHalfWay('SIGKILL')
    const ids = perContact(mail.received)
    expect(ids.size).toBe(contacts)
    // One distinct Message-ID per contact: a resend is the same message, which receivers dedupe.
    for (const [, set] of ids) expect(set.size).toBe(1)
    // Only messages in flight at the kill (≤ concurrency) can arrive twice.
    expect(mail.received.length - contacts).toBeLessThanOrEqual(4)
    expect(w.sql("select count(*) n from outbox where status = 'sent'")[0]!.n).toBe(contacts)
  })
})
