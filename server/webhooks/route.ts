import { Hono } from 'hono'
import { requireRole } from '../auth/require-role'
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  type WebhookEndpoint,
} from '../db/webhooks'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { emptyBody, validate } from '../lib/validate'
import { createWebhookBody, webhookParam } from './schemas'
import { checkWebhookUrl, WebhookTargetRefused } from './target-guard'

/** An endpoint as listed: never its secret. */
const view = ({ secret: _, ...endpoint }: WebhookEndpoint) => endpoint

async function endpointOr404(c: { var: AppEnv['Variables'] }, id: string) {
  const endpoint = await getWebhookEndpoint(c.var.db, id)
  if (!endpoint) throw new ApiError('NOT_FOUND', `No webhook ${id}`)
  return endpoint
}

/** Outgoing webhooks (SPEC §5.7), admin only: endpoints, their secrets (once), their log. */
export const webhooksRoute = new Hono<AppEnv>()
  .get('/', requireRole('admin'), async (c) =>
    c.json({ webhooks: (await listWebhookEndpoints(c.var.db)).map(view) }, 200),
  )
  .post('/', requireRole('admin'), validate('json', createWebhookBody), async (c) => {
    const { url, events } = c.req.valid('json')
    try {
      checkWebhookUrl(url, c.var.config.webhookAllowPrivate === true)
    } catch (err) {
      if (!(err instanceof WebhookTargetRefused)) throw err
      throw new ApiError('BAD_REQUEST', `url: ${err.message}`, [
        { path: 'url', message: err.message },
      ])
    }
    const endpoint = await createWebhookEndpoint(c.var.db, url, events)
    // The secret is in this one answer only; no cache may keep it.
    c.header('Cache-Control', 'no-store')
    return c.json({ webhook: view(endpoint), secret: endpoint.secret }, 201)
  })
  .delete('/:id', requireRole('admin'), validate('param', webhookParam), async (c) => {
    const endpoint = await endpointOr404(c, c.req.valid('param').id)
    await deleteWebhookEndpoint(c.var.db, endpoint.id)
    return c.json({ webhook: view(endpoint) }, 200)
  })
  .post(
    '/:id/enable',
    requireRole('admin'),
    validate('param', webhookParam),
    validate('json', emptyBody),
    async (c) => {
      const endpoint = await endpointOr404(c, c.req.valid('param').id)
      await enableWebhookEndpoint(c.var.db, endpoint.id)
      return c.json({ webhook: view((await getWebhookEndpoint(c.var.db, endpoint.id))!) }, 200)
    },
  )
  .get('/:id/deliveries', requireRole('admin'), validate('param', webhookParam), async (c) => {
    const endpoint = await endpointOr404(c, c.req.valid('param').id)
    const rows = await listWebhookDeliveries(c.var.db, endpoint.id)
    return c.json({ deliveries: rows.map(({ body: _, leaseUntil: __, ...d }) => d) }, 200)
  })
