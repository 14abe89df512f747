import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { outbox } from '../../../server/db/schema'
import { openDatabase } from '../../../server/node/open-database'
import { makeCustomerAnswers } from '../../helpers/answers'
import { startNodeServer } from '../../helpers/node-server'
import { startSmtpServer, surveyLink } from '../../helpers/smtp'
import { waitForCondition } from '../../helpers/wait-for'

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let server: Awaited<ReturnType<typeof startNodeServer>>
let crmHooks: Server
const hooks: { headers: IncomingHttpHeaders; body: string }[] = []

beforeAll(async () => {
  smtp = await startSmtpServer()
  // The CRM's webhook receiver, on this machine: hence WEBHOOK_ALLOW_PRIVATE=1.
  crmHooks = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      hooks.push({ headers: req.headers, body })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((ok) => crmHooks.listen(0, '127.0.0.1', ok))
  server = await startNodeServer({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'survey@example.com',
    WEBHOOK_ALLOW_PRIVATE: '1',
  })
})

afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
  crmHooks?.close()
})

/** Standard Webhooks verification, apart from the server's code. */
function verified(secret: string, h: (typeof hooks)[number]) {
  const signed = `${h.headers['webhook-id']}.${h.headers['webhook-timestamp']}.${h.body}`
  const mac = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
    .update(signed)
    .digest('base64')
  return h.headers['webhook-signature'] === `v1,${mac}`
}

describe('a CRM script with only an API key (npm start, real SMTP)', () => {
  test('triggers an invitation that arrives by email; the same order again sends nothing; a low score reaches the CRM as a signed alert.opened', async () => {
    // The operator makes the key and the wave on the command line; the script has the key only.
    const made = JSON.parse(
      await server.csi('apikey', 'create', '--role', 'manager', '--name', 'CRM', '--json'),
    )
    const key: string = made.key
    const wave = JSON.parse(
      await server.csi(
        'wave',
        'create',
        '--survey',
        'customer',
        '--name',
        'After delivery',
        '--json',
      ),
    )
    const crm = (path: string, body: unknown, as = key) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${as}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    // An admin key registers the CRM's webhook for alerts.
    const admin = JSON.parse(
      await server.csi('apikey', 'create', '--role', 'admin', '--name', 'ops', '--json'),
    )
    const { port } = crmHooks.address() as AddressInfo
    const hook = await crm(
      '/api/webhooks',
      { url: `http://127.0.0.1:${port}/csi`, events: ['alert.opened'] },
      admin.key,
    )
    expect(hook.status).toBe(201)
    const { secret } = await hook.json()

    const body = { email: 'ann.customer@example.com', name: 'Ann', dedupeKey: 'order-77' }
    const res = await crm(`/api/waves/${wave.id}/invitations`, body)
    expect(res.status).toBe(201)
    const answer = await res.json()
    expect(answer).toMatchObject({ status: 'queued', sending: true })

    const mail = await waitForCondition(
      'the invitation at the SMTP server',
      () => smtp.received.find((m) => m.to === 'ann.customer@example.com'),
      { done: (m) => m !== undefined },
    )
    expect(mail!.messageId).toContain(answer.invitation.id)
    const link = surveyLink(mail!)
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(303)

    const again = await crm(`/api/waves/${wave.id}/invitations`, body)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({
      status: 'duplicate',
      invitation: { id: answer.invitation.id },
      sending: false,
    })
    // Nothing more was queued: the wave's outbox holds the one message, sent.
    const store = openDatabase(server.env.DATABASE_PATH)
    try {
      const rows = await store.db.select().from(outbox).where(eq(outbox.waveId, wave.id))
      expect(rows.map((r) => r.status)).toEqual(['sent'])
    } finally {
      store.close()
    }
    expect(smtp.received.filter((m) => m.to === 'ann.customer@example.com')).toHaveLength(1)

    // Ann answers with a low score: the CRM hears of it as a signed alert.opened.
    const token = new URL(link).pathname.split('/').pop()!
    const submitted = await fetch(`${server.url}/api/links/${token}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: makeCustomerAnswers({ overall: 1 }),
        submissionKey: 'e2e-ann-0001',
      }),
    })
    expect(submitted.status).toBe(201)
    const alert = await waitForCondition('alert.opened at the CRM', () => hooks[0], {
      done: (h) => h !== undefined,
    })
    expect(verified(secret, alert!)).toBe(true)
    expect(JSON.parse(alert!.body)).toMatchObject({
      type: 'alert.opened',
      data: { waveId: wave.id, contact: { email: 'ann.customer@example.com', name: 'Ann' } },
    })
  })
})
