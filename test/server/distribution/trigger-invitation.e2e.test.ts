import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { outbox } from '../../../server/db/schema'
import { openDatabase } from '../../../server/node/open-database'
import { startNodeServer } from '../../helpers/node-server'
import { startSmtpServer, surveyLink } from '../../helpers/smtp'
import { waitForCondition } from '../../helpers/wait-for'

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let server: Awaited<ReturnType<typeof startNodeServer>>

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startNodeServer({ SMTP_URL: smtp.url, MAIL_FROM: 'survey@example.com' })
})

afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('a CRM script with only an API key (npm start, real SMTP)', () => {
  test('triggers an invitation that arrives by email; the same order again sends nothing', async () => {
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
    const crm = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
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
  })
})
