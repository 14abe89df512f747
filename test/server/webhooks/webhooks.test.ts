import { createHmac, timingSafeEqual } from 'node:crypto'
import { lookup } from 'node:dns/promises'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hostname } from 'node:os'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { createApiKey } from '../../../server/db/api-keys'
import { markBounced } from '../../../server/db/outbox'
import {
  invitations,
  outbox,
  waves,
  webhookDeliveries,
  webhookEndpoints,
} from '../../../server/db/schema'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { unsubscribeToken } from '../../../server/lib/unsubscribe-token'
import { nodeWebhookPost } from '../../../server/node/webhook-post'
import { submitResponse } from '../../../server/responses/submit-response'
import { DISABLE_AFTER_FAILURES, deliverDueWebhooks } from '../../../server/webhooks/deliver'
import { isPrivateAddress } from '../../../server/webhooks/target-guard'
import { makeCustomerAnswers, makeEmployeeAnswers } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'

type Received = { headers: IncomingHttpHeaders; body: string }

/** A real HTTP receiver on 127.0.0.1 answering each request with the next status given. */
async function startReceiver(statuses: number[]) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.writeHead(statuses.shift() ?? 200).end()
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/hooks`, port, received, stop: () => server.close() }
}
let stops: (() => void)[] = []
afterEach(() => {
  for (const s of stops) s()
  stops = []
})

/** Standard Webhooks verification, written apart from the server's signing code. */
function verify(secret: string, r: Received) {
  const id = r.headers['webhook-id'] as string
  const timestamp = r.headers['webhook-timestamp'] as string
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64')
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${r.body}`).digest()
  return (r.headers['webhook-signature'] as string).split(' ').some((sig) => {
    const [version, value] = sig.split(',') as [string, string]
    const given = Buffer.from(value, 'base64')
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected)
  })
}

async function setup(allowPrivate = true) {
  const t = await makeTestApp()
  Object.assign(t.config, { webhookAllowPrivate: allowPrivate })
  const { key } = await createApiKey(t.db, {
    name: 'ops',
    role: 'admin',
    createdBy: 'test',
    expiresAt: null,
  })
  const api = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const lowScore = async (surveyId: 'customer' | 'employee') => {
    const { wave } = await createWave(t.db, { surveyId, name: `${surveyId} wave` })
    // The wave's own rule applies to open-link respondents too (the defaults only to invitees).
    await t.db
      .update(waves)
      .set({ alertRules: [{ field: 'overall', max: 2 }] })
      .where(eq(waves.id, wave.id))
    const loaded = (await loadWaveSurvey(t.db, wave.id))!
    await submitResponse(
      t.store,
      { state: 'open', ...loaded, invitation: null },
      {
        data:
          surveyId === 'customer'
            ? makeCustomerAnswers({ overall: 1 })
            : makeEmployeeAnswers({ overall: 1 }),
        mode: 'web',
        now: new Date(),
        host: 'localhost',
      },
    )
    return wave.id
  }
  return { ...t, api, lowScore }
}

describe('webhooks', () => {
  test('alert.opened is signed per Standard Webhooks; a retry after a 500 keeps the same webhook-id', async () => {
    const receiver = await startReceiver([500, 200])
    stops.push(receiver.stop)
    const t = await setup()
    const created = await t.api('POST', '/api/webhooks', {
      url: receiver.url,
      events: ['alert.opened'],
    })
    expect(created.status).toBe(201)
    const { webhook, secret } = (await created.json()) as {
      webhook: { id: string }
      secret: string
    }
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    const listed = await (await t.api('GET', '/api/webhooks')).text()
    expect(listed).toContain(webhook.id)
    expect(listed).not.toContain(secret)

    const waveId = await t.lowScore('customer')
    const post = nodeWebhookPost(true)
    const first = await deliverDueWebhooks(t.db, post, { allowPrivate: true })
    expect(first).toEqual({ delivered: 0, retrying: 1, failed: 0 })
    // Not due again before its back-off.
    expect(await deliverDueWebhooks(t.db, post, { allowPrivate: true })).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    })
    const later = new Date(Date.now() + 6_000)
    expect(await deliverDueWebhooks(t.db, post, { allowPrivate: true, now: later })).toEqual({
      delivered: 1,
      retrying: 0,
      failed: 0,
    })

    expect(receiver.received).toHaveLength(2)
    const [a, b] = receiver.received as [Received, Received]
    expect(a.headers['webhook-id']).toMatch(/^msg_/)
    expect(b.headers['webhook-id']).toBe(a.headers['webhook-id'])
    expect(a.body).toBe(b.body)
    expect(verify(secret, a)).toBe(true)
    expect(verify(secret, b)).toBe(true)
    expect(verify(`whsec_${Buffer.from('another secret 24 bytes!').toString('base64')}`, b)).toBe(
      false,
    )
    const payload = JSON.parse(b.body)
    expect(payload).toMatchObject({
      type: 'alert.opened',
      data: { waveId, reasons: expect.any(Array) },
    })
    expect(Number(b.headers['webhook-timestamp'])).toBeCloseTo(later.getTime() / 1000, -1)

    const log = await t.api('GET', `/api/webhooks/${webhook.id}/deliveries`)
    const { deliveries } = (await log.json()) as { deliveries: Record<string, unknown>[] }
    expect(deliveries).toEqual([
      expect.objectContaining({
        event: 'alert.opened',
        status: 'delivered',
        attempts: 2,
        lastStatus: 200,
      }),
    ])
  })

  test('no event for an employee wave, and none for an event the endpoint did not ask for', async () => {
    const t = await setup()
    await t.api('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/x', events: ['alert.opened'] })
    await t.api('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/y', events: ['wave.closed'] })
    await t.lowScore('employee')
    expect(await t.db.select().from(webhookDeliveries)).toHaveLength(0)
    await t.lowScore('customer')
    const rows = await t.db.select().from(webhookDeliveries)
    expect(rows.map((r) => r.event)).toEqual(['alert.opened'])
  })

  test('bad input is refused naming the field; private targets need WEBHOOK_ALLOW_PRIVATE', async () => {
    const t = await setup(false)
    const refuse = async (body: unknown, field: string, text: RegExp) => {
      const res = await t.api('POST', '/api/webhooks', body)
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as {
        error: { message: string; issues: { path: string }[] }
      }
      expect(error.issues.map((i) => i.path)).toContain(field)
      expect(error.message).toMatch(text)
    }
    await refuse(
      { url: 'ftp://crm.example.com/x', events: ['alert.opened'] },
      'url',
      /http or https/,
    )
    await refuse(
      { url: 'https://crm.example.com/x', events: ['alert.exploded'] },
      'events.0',
      /one of/,
    )
    await refuse({ url: 'https://crm.example.com/x', events: [] }, 'events', /at least one/)
    for (const url of [
      'http://127.0.0.1/x',
      'http://localhost:8080/',
      'http://[::1]/',
      'http://169.254.169.254/latest',
      'http://10.1.2.3/',
    ])
      await refuse({ url, events: ['alert.opened'] }, 'url', /WEBHOOK_ALLOW_PRIVATE/)
    expect(
      (
        await t.api('POST', '/api/webhooks', {
          url: 'https://crm.example.com/x',
          events: ['alert.opened'],
        })
      ).status,
    ).toBe(201)
  })

  test('each delivery resolves the host again and refuses a private address', async () => {
    const receiver = await startReceiver([])
    stops.push(receiver.stop)
    // This machine's own name resolves to one of its private or loopback addresses.
    const own = hostname()
    expect(isPrivateAddress((await lookup(own)).address)).toBe(true)
    const t = await setup(true)
    await t.api('POST', '/api/webhooks', {
      url: `http://${own}:${receiver.port}/hooks`,
      events: ['alert.opened'],
    })
    await t.lowScore('customer')
    const counts = await deliverDueWebhooks(t.db, nodeWebhookPost(false), { allowPrivate: false })
    expect(counts.retrying).toBe(1)
    expect(receiver.received).toHaveLength(0)
    const [row] = await t.db.select().from(webhookDeliveries)
    expect(row!.lastError).toMatch(/resolves to a private, loopback or link-local address/)
  })

  test('an endpoint failing again and again is disabled with the reason, and can be enabled', async () => {
    const receiver = await startReceiver([503])
    stops.push(receiver.stop)
    const t = await setup()
    const { webhook } = (await (
      await t.api('POST', '/api/webhooks', { url: receiver.url, events: ['alert.opened'] })
    ).json()) as { webhook: { id: string } }
    await t.db
      .update(webhookEndpoints)
      .set({ failures: DISABLE_AFTER_FAILURES - 1 })
      .where(eq(webhookEndpoints.id, webhook.id))
    await t.lowScore('customer')
    await deliverDueWebhooks(t.db, nodeWebhookPost(true), { allowPrivate: true })
    const listed = (await (await t.api('GET', '/api/webhooks')).json()) as {
      webhooks: { enabled: boolean; disabledReason: string }[]
    }
    expect(listed.webhooks[0]).toMatchObject({ enabled: false })
    expect(listed.webhooks[0]!.disabledReason).toMatch(
      /20 failed attempts in a row; the last: answered 503/,
    )
    // A disabled endpoint gets nothing more: the pending delivery fails when next due.
    const counts = await deliverDueWebhooks(t.db, nodeWebhookPost(true), {
      allowPrivate: true,
      now: new Date(Date.now() + 10_000),
    })
    expect(counts.failed).toBe(1)
    expect(receiver.received).toHaveLength(1)
    const enabled = await t.api('POST', `/api/webhooks/${webhook.id}/enable`, {})
    expect(enabled.status).toBe(200)
    expect(await enabled.json()).toMatchObject({ webhook: { enabled: true, failures: 0 } })
  })
})

describe('webhook events (SPEC §5.7)', () => {
  test('response.submitted (never for employees), alert.updated, wave.closed, invitation.opted_out', async () => {
    const t = await setup()
    const all = [
      'response.submitted',
      'alert.opened',
      'alert.updated',
      'wave.closed',
      'invitation.opted_out',
    ]
    expect(
      (await t.api('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/', events: all })).status,
    ).toBe(201)
    const events = async () =>
      (await t.db.select().from(webhookDeliveries)).map((d) => [d.event, JSON.parse(d.body).data])
    await t.lowScore('employee')
    expect(await events()).toEqual([])

    const waveId = await t.lowScore('customer')
    const of = async (event: string) => (await events()).filter(([e]) => e === event)
    const [submitted] = await of('response.submitted')
    const [opened] = await of('alert.opened')
    expect(submitted).toEqual([
      'response.submitted',
      expect.objectContaining({
        waveId,
        audience: 'customer',
        answers: expect.objectContaining({ overall: 1 }),
      }),
    ])
    expect(opened![0]).toBe('alert.opened')
    const alertId = (opened![1] as { alertId: string }).alertId

    const patched = await t.api('PATCH', `/api/alerts/${alertId}`, {
      status: 'in_progress',
      note: 'Called Ann',
    })
    expect(patched.status).toBe(200)
    expect((await of('alert.updated'))[0]).toEqual([
      'alert.updated',
      expect.objectContaining({
        alertId,
        status: 'in_progress',
        previousStatus: 'open',
        note: 'Called Ann',
      }),
    ])

    const triggered = await t.api('POST', `/api/waves/${waveId}/invitations`, {
      email: 'ann@example.com',
    })
    const { invitation } = (await triggered.json()) as { invitation: { id: string } }
    const token = await unsubscribeToken(t.config.authSecret, invitation.id)
    expect((await t.app.request(`/u/${token}`, { method: 'POST' })).status).toBeLessThan(400)
    expect((await of('invitation.opted_out'))[0]).toEqual([
      'invitation.opted_out',
      { invitationId: invitation.id, waveId, email: 'ann@example.com' },
    ])

    expect((await t.api('POST', `/api/waves/${waveId}/close`, {})).status).toBe(200)
    expect((await of('wave.closed'))[0]).toEqual([
      'wave.closed',
      expect.objectContaining({ waveId, audience: 'customer' }),
    ])
    expect(await events()).toHaveLength(5)
  })

  test('invitation.bounced when the mail server refuses an invitee for good; never for staff', async () => {
    const t = await setup()
    const events = ['invitation.bounced']
    expect(
      (await t.api('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/', events })).status,
    ).toBe(201)
    const delivered = async () =>
      (await t.db.select().from(webhookDeliveries)).map((d) => [d.event, JSON.parse(d.body).data])
    // What the sender does on a 550: the outbox row and the invitation are marked in one write.
    const bounce = async (surveyId: 'customer' | 'employee', email: string) => {
      const { wave } = await createWave(t.db, { surveyId, name: `${surveyId} bounces` })
      const res = await t.api('POST', `/api/waves/${wave.id}/invitations`, { email })
      expect(res.status, await res.clone().text()).toBe(201)
      const [row] = await t.db
        .select({ id: outbox.id, invitationId: outbox.invitationId })
        .from(outbox)
        .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
        .where(eq(invitations.email, email))
      await markBounced(t.store, row!, 1, '550 5.1.1 no such user', 'bounced')
      return { waveId: wave.id, invitationId: row!.invitationId }
    }
    const staff = await bounce('employee', 'staff@example.com')
    expect(staff.invitationId).toBeTruthy()
    expect(await delivered()).toEqual([])
    const customer = await bounce('customer', 'gone@example.com')
    expect(await delivered()).toEqual([
      [
        'invitation.bounced',
        { invitationId: customer.invitationId, waveId: customer.waveId, email: 'gone@example.com' },
      ],
    ])
  })
})
