import type { Command } from 'commander'
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../db/api-keys'
import { roles, type Role } from '../db/schema'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'

const DAY_MS = 24 * 3600 * 1000

export function registerApiKey(program: Command, io: CliIo) {
  const apikey = program.command('apikey').description('API keys for scripts and CRMs')
  apikey
    .command('create')
    .description('make a key scoped to a role; prints it once (only its hash is kept)')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .requiredOption('--name <name>', 'what the key is for, e.g. "CRM"')
    .option('--expires <days>', 'days until it stops working (default: until revoked)')
    .option('--json', 'print JSON instead of text')
    .action(async (opts: { role: string; name: string; expires?: string; json?: boolean }) => {
      if (!(roles as readonly string[]).includes(opts.role))
        throw new CliError(`--role: "${opts.role}" is not one of ${roles.join(', ')}`)
      const name = opts.name.trim()
      if (name === '' || name.length > 100) throw new CliError('--name: 1 to 100 characters')
      const days = opts.expires === undefined ? null : Number(opts.expires)
      if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650))
        throw new CliError(`--expires: "${opts.expires}" is not a whole number of days, 1–3650`)
      const { store } = await openCliStore(io)
      try {
        const { key, apiKey } = await createApiKey(store.db, {
          name,
          role: opts.role as Role,
          createdBy: 'command line',
          expiresAt: days === null ? null : new Date(Date.now() + days * DAY_MS),
        })
        if (opts.json) return void (await io.stdout(`${JSON.stringify({ key, apiKey })}\n`))
        await io.stdout(`Created API key ${apiKey.id} (${apiKey.role}, "${apiKey.name}")\n`)
        await io.stdout(`Key (shown once; send it as Authorization: Bearer …):\n${key}\n`)
      } finally {
        store.close()
      }
    })
  apikey
    .command('list')
    .description('keys with their role, last use, expiry and revocation (never the key)')
    .option('--json', 'print JSON instead of text')
    .action(async (opts: { json?: boolean }) => {
      const { store } = await openCliStore(io)
      try {
        const keys = await listApiKeys(store.db)
        if (opts.json) return void (await io.stdout(`${JSON.stringify(keys)}\n`))
        if (keys.length === 0) return void (await io.stdout('No API keys\n'))
        const state = (k: (typeof keys)[number]) =>
          k.revokedAt
            ? `revoked ${k.revokedAt.slice(0, 10)}`
            : k.expiresAt && Date.parse(k.expiresAt) <= Date.now()
              ? `expired ${k.expiresAt.slice(0, 10)}`
              : 'active'
        for (const k of keys)
          await io.stdout(
            `${k.id}  ${k.role.padEnd(7)} ${k.start}…  ${state(k).padEnd(18)} last used ${k.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}  ${k.name}\n`,
          )
      } finally {
        store.close()
      }
    })
  apikey
    .command('revoke <id>')
    .description('stop a key working, for good')
    .action(async (id: string) => {
      const { store } = await openCliStore(io)
      try {
        if (!(await getApiKey(store.db, id))) throw new CliError(`<id>: no API key ${id}`)
        const key = await revokeApiKey(store.db, id, new Date())
        await io.stdout(`Revoked API key ${id} ("${key!.name}")\n`)
      } finally {
        store.close()
      }
    })
}
