import type { Command } from 'commander'
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from '../db/webhooks'
import { webhookEvents, type WebhookEvent } from '../db/schema'
import { checkWebhookUrl, WebhookTargetRefused } from '../webhooks/target-guard'
import { CliError } from './cli-error'
import { cliEnv, openCliStore } from './context'
import type { CliIo } from './io'

export function registerWebhook(program: Command, io: CliIo) {
  const webhook = program.command('webhook').description('outgoing webhooks to a CRM')
  webhook
    .command('add <url>')
    .description('send these events to <url>, signed; prints the signing secret once')
    .requiredOption('--events <events>', `comma-separated: ${webhookEvents.join(', ')}`)
    .option('--json', 'print JSON instead of text')
    .action(async (url: string, opts: { events: string; json?: boolean }) => {
      const events = [
        ...new Set(
          opts.events
            .split(',')
            .map((e) => e.trim())
            .filter(Boolean),
        ),
      ]
      const unknown = events.filter((e) => !(webhookEvents as readonly string[]).includes(e))
      if (events.length === 0 || unknown.length > 0)
        throw new CliError(
          `--events: ${unknown.length ? `"${unknown.join('", "')}" not one of` : 'name one or more of'} ${webhookEvents.join(', ')}`,
        )
      try {
        checkWebhookUrl(url, cliEnv(io).WEBHOOK_ALLOW_PRIVATE)
      } catch (err) {
        if (err instanceof WebhookTargetRefused) throw new CliError(`<url>: ${err.message}`)
        throw err
      }
      const { store } = await openCliStore(io)
      try {
        const { secret, ...endpoint } = await createWebhookEndpoint(
          store.db,
          url,
          events as WebhookEvent[],
        )
        if (opts.json)
          return void (await io.stdout(`${JSON.stringify({ webhook: endpoint, secret })}\n`))
        await io.stdout(`Added webhook ${endpoint.id}: ${endpoint.events.join(', ')} → ${url}\n`)
        await io.stdout(
          `Signing secret (shown once; verify webhook-signature with it):\n${secret}\n`,
        )
      } finally {
        store.close()
      }
    })
  webhook
    .command('list')
    .description('webhooks with their events, state and last deliveries (never the secret)')
    .action(async () => {
      const { store } = await openCliStore(io)
      try {
        const endpoints = await listWebhookEndpoints(store.db)
        if (endpoints.length === 0) return void (await io.stdout('No webhooks\n'))
        for (const e of endpoints) {
          const state = e.enabled ? 'enabled' : `DISABLED: ${e.disabledReason}`
          await io.stdout(`${e.id}  ${e.url}  ${e.events.join(',')}  ${state}\n`)
          for (const d of await listWebhookDeliveries(store.db, e.id, 5))
            await io.stdout(
              `  ${d.createdAt.toISOString().slice(0, 16).replace('T', ' ')}  ${d.event}  ${d.status}, ${d.attempts} attempt(s)${d.lastError ? `: ${d.lastError}` : ''}\n`,
            )
        }
      } finally {
        store.close()
      }
    })
  webhook
    .command('remove <id>')
    .description('stop sending to a webhook and drop its delivery log')
    .action(async (id: string) => {
      const { store } = await openCliStore(io)
      try {
        if (!(await getWebhookEndpoint(store.db, id))) throw new CliError(`<id>: no webhook ${id}`)
        await deleteWebhookEndpoint(store.db, id)
        await io.stdout(`Removed webhook ${id}\n`)
      } finally {
        store.close()
      }
    })
}
