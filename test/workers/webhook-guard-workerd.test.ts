import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApiKey } from '../../server/db/api-keys'
import { webhookDeliveries } from '../../server/db/schema'
import { createWave } from '../../server/db/waves'
import { createWebhookEndpoint } from '../../server/db/webhooks'
import { json } from '../api/target'
import { makeCustomerAnswers, submission } from '../helpers/answers'
import { bundleWorker, startWorker } from '../helpers/workerd'

let worker: Awaited<ReturnType<typeof startWorker>>
let key: string
// A receiver on loopback: what a target pointing inward would reach if nothing stopped it.
const received: string[] = []
const receiver = createServer((req, res) => {
  received.push(req.url ?? '')
  res.writeHead(200).end()
})

beforeAll(async () => {
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok))
  const bundle = await bundleWorker(mkdtempSync(join(tmpdir(), 'csi-worker-')))
  // No WEBHOOK_ALLOW_PRIVATE, no PUBLIC_URL, no queue: a Worker as deployed by default.
  worker = await startWorker({ scriptPath: bundle })
  await worker.fetch('/api/health')
  ;({ key } = await createApiKey(worker.db, {
    name: 'CRM',
    role: 'admin',
    createdBy: 'test',
    expiresAt: null,
  }))
}, 0)

afterAll(async () => {
  await worker?.stop()
  await new Promise<void>((ok) => receiver.close(() => ok()))
})

const target = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`

describe('the webhook target guard on workerd (without WEBHOOK_ALLOW_PRIVATE)', () => {
  test('a loopback or localhost URL is refused when added, naming url and the setting', async () => {
    for (const url of [
      target(),
      'http://localhost:9/crm',
      'http://[::1]/crm',
      'http://10.0.0.7/',
    ]) {
      const res = await worker.fetch('/api/webhooks', {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url, events: ['response.submitted'] }),
      })
      expect(res.status, url).toBe(400)
      const { error } = (await res.json()) as {
        error: { issues: { path: string; message: string }[] }
      }
      expect(error.issues).toEqual([
        {
          path: 'url',
          message: expect.stringMatching(/private, loopback.*WEBHOOK_ALLOW_PRIVATE=1/),
        },
      ])
    }
  })

  test('an inward target stored earlier is refused at delivery by the cron, which runs without PUBLIC_URL', async () => {
    // As if added while the setting was on: the guard runs again at every delivery.
    const endpoint = await createWebhookEndpoint(worker.db, target(), ['response.submitted'])
    const { openLinkToken } = await createWave(worker.db, {
      surveyId: 'customer',
      name: 'Guarded',
      openLink: true,
    })
    const res = await worker.fetch(
      `/api/links/${openLinkToken}/responses`,
      json(submission(makeCustomerAnswers())),
    )
    expect(res.status).toBe(201)
    const run = await (await worker.mf.getWorker()).scheduled({ cron: '*/15 * * * *' })
    expect(run.outcome).toBe('ok')
    const rows = await worker.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id))
    expect(rows).toEqual([
      expect.objectContaining({
        event: 'response.submitted',
        status: 'pending',
        attempts: 1,
        lastStatus: null,
        lastError: expect.stringMatching(
          /private, loopback or link-local address \(127\.0\.0\.1\)/,
        ),
      }),
    ])
    expect(received).toEqual([])
  })
})
