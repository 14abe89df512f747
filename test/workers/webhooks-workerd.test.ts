import { createHmac, timingSafeEqual } from 'node:crypto'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeCustomerAnswers, submission } from '../helpers/answers'
import { waitForCondition } from '../helpers/wait-for'
import { devSession, startWranglerDev, type WranglerDev } from '../helpers/wrangler-dev'

const root = join(import.meta.dirname, '../..')
const admin = { email: 'admin@acme.example', password: 'correct horse battery' }
// No fixed time limit: every wait fails on its own once nothing moves (../helpers/wait-for.ts).
const untimed = { timeout: 0 }

type Received = { headers: IncomingHttpHeaders; body: string; at: number }

/** The CRM's receiver, a real HTTP server on 127.0.0.1, answering with the statuses given. */
async function startReceiver(statuses: number[]) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({ headers: req.headers, body, at: Date.now() })
      res.writeHead(statuses.shift() ?? 200).end()
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/crm/hooks`,
    received,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}

/** Standard Webhooks verification, written apart from the server's signing code. */
function verifies(secret: string, r: Received) {
  const id = r.headers['webhook-id'] as string
  const timestamp = r.headers['webhook-timestamp'] as string
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64')
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${r.body}`).digest()
  return String(r.headers['webhook-signature'])
    .split(' ')
    .some((sig) => {
      const [version, value] = sig.split(',') as [string, string]
      const given = Buffer.from(value, 'base64')
      return (
        version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected)
      )
    })
}

let dev: WranglerDev
let receiver: Awaited<ReturnType<typeof startReceiver>>
let apiKey: string

beforeAll(async () => {
  if (!existsSync(join(root, 'client/dist/index.html')))
    await promisify(execFile)('npm', ['run', 'build:client'], { cwd: root })
  // The first delivery is refused with a 500; every later one is accepted.
  receiver = await startReceiver([500])
  dev = await startWranglerDev({
    vars: (url) => ({
      PUBLIC_URL: url,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      // The receiver is on loopback: allowed for this test's Worker only.
      WEBHOOK_ALLOW_PRIVATE: '1',
    }),
  })
  const session = await devSession(dev, admin)
  const created = await session('POST', '/api/apikeys', { name: 'CRM', role: 'admin' })
  expect(created.status).toBe(201)
  apiKey = created.body.key as string
}, untimed.timeout)

afterAll(async () => {
  await dev?.stop()
  await receiver?.stop()
})

/** The API as a CRM script calls it: only the API key, no session, no Origin. */
async function crm(method: string, path: string, body?: unknown) {
  const res = await fetch(`${dev.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

/** Waits for the receiver's `n`th request; the queue's delayed retry is the quiet moment. */
async function received(n: number) {
  return waitForCondition(
    `${n} webhook request(s) at the receiver`,
    async () => {
      const [due] = await dev.d1(
        "select min(next_attempt_at) as at from webhook_deliveries where status = 'pending'",
      )
      return { got: receiver.received.length, lines: dev.logs.length, dueAt: due?.at ?? null }
    },
    {
      done: (v) => v.got >= n,
      progress: (v) => [v.got, v.lines],
      quietUntil: (v) => (v.dueAt == null ? null : Number(v.dueAt) * 1000),
      describe: (v) => `${JSON.stringify(v)}\n${dev.logs.slice(-15).join('\n')}`,
    },
  )
}

describe('webhooks on workerd + local D1 through the queue (wrangler dev)', untimed, () => {
  test('a response is posted signed as response.submitted; the retry after a 500 keeps its webhook-id', async () => {
    const endpoint = await crm('POST', '/api/webhooks', {
      url: receiver.url,
      events: ['response.submitted'],
    })
    expect(endpoint.status).toBe(201)
    const secret = endpoint.body.secret as string
    const hookId = endpoint.body.webhook.id as string
    expect(secret).toMatch(/^whsec_/)

    const wave = await crm('POST', '/api/waves', {
      surveyId: 'customer',
      name: 'Webhooks on Workers',
      openLink: true,
    })
    expect(wave.status).toBe(201)
    const waveId = wave.body.wave.id as string
    const token = new URL(wave.body.openLink as string).pathname.split('/').pop()!
    const answered = await fetch(`${dev.url}/api/links/${token}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(submission(makeCustomerAnswers({ overall: 4, comments: 'Fine' }))),
    })
    expect(answered.status).toBe(201)
    const [response] = await dev.d1('select id from responses where wave_id = ?', [waveId])

    // No cron is run here: the submission's request asked the queue, whose consumer posted it
    // (refused), and its delayed message brought the retry at the back-off.
    await received(2)
    const [first, retry] = receiver.received as [Received, Received]
    expect(first.headers['webhook-id']).toMatch(/^msg_response_submitted_/)
    expect(retry.headers['webhook-id']).toBe(first.headers['webhook-id'])
    expect(retry.body).toBe(first.body)
    expect(verifies(secret, first)).toBe(true)
    expect(verifies(secret, retry)).toBe(true)
    const otherSecret = `whsec_${Buffer.from('not the endpoint secret!').toString('base64')}`
    expect(verifies(otherSecret, retry)).toBe(false)
    // Signed anew at each attempt, after the first back-off (5 s).
    const sent = (r: Received) => Number(r.headers['webhook-timestamp'])
    expect(sent(retry) - sent(first)).toBeGreaterThanOrEqual(5)
    expect(Math.abs(sent(retry) - retry.at / 1000)).toBeLessThan(60)
    expect(JSON.parse(retry.body)).toMatchObject({
      type: 'response.submitted',
      data: {
        responseId: response!.id,
        waveId,
        audience: 'customer',
        mode: 'web',
        answers: { overall: 4, comments: 'Fine' },
      },
    })
    expect(retry.headers['content-type']).toBe('application/json')
    expect(
      dev.logs.some((l) => /^webhooks: delivered=0 retrying=1 failed=0 again=\d+/.test(l)),
    ).toBe(true)
    await dev.waitForLog(/^webhooks: delivered=1 retrying=0 failed=0 again=none/)
    expect(dev.logs.some((l) => l.startsWith('scheduled run'))).toBe(false)

    const log = await crm('GET', `/api/webhooks/${hookId}/deliveries`)
    expect(log.status).toBe(200)
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({
        id: first.headers['webhook-id'],
        event: 'response.submitted',
        status: 'delivered',
        attempts: 2,
        lastStatus: 200,
        lastError: null,
      }),
    ])
    const listed = await crm('GET', '/api/webhooks')
    expect(listed.body.webhooks).toEqual([
      expect.objectContaining({ id: hookId, enabled: true, failures: 0 }),
    ])
    expect(JSON.stringify(listed.body)).not.toContain(secret)
  })

  test('the cron delivers what is due when its queue message was lost', async () => {
    const [endpoint] = await dev.d1('select id from webhook_endpoints')
    // A due delivery nobody asked the queue about (as if the message was dropped).
    const id = `msg_lost_${Date.now()}`
    const body = JSON.stringify({
      type: 'response.submitted',
      timestamp: new Date().toISOString(),
      data: {},
    })
    await dev.d1(
      "insert into webhook_deliveries (id, endpoint_id, event, body, next_attempt_at) values (?, ?, 'response.submitted', ?, unixepoch())",
      [id, endpoint!.id, body],
    )
    const before = receiver.received.length
    expect((await dev.scheduled('*/15 * * * *')).status).toBe(200)
    await received(before + 1)
    const got = receiver.received.at(-1)!
    expect(got.headers['webhook-id']).toBe(id)
    expect(got.body).toBe(body)
    const row = await waitForCondition(
      'the lost delivery marked delivered',
      async () =>
        (await dev.d1('select status, attempts from webhook_deliveries where id = ?', [id]))[0],
      { done: (r) => r?.status === 'delivered' },
    )
    expect(row).toEqual({ status: 'delivered', attempts: 1 })
  })
})
