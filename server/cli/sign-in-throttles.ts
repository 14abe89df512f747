import type { Command } from 'commander'
import { z } from 'zod'
import { clearSignInThrottles, listSignInThrottles } from '../db/sign-in-throttles'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'

/** `csi user throttles` and `csi user unthrottle`: the admin's view of sign-in back-offs. */
export function registerSignInThrottles(user: Command, io: CliIo) {
  user
    .command('throttles')
    .description('list sign-in throttles: failures per account, address and pair, and any back-off')
    .action(async () => {
      const { store } = await openCliStore(io)
      try {
        const now = Date.now()
        const rows = await listSignInThrottles(store.db, now)
        if (rows.length === 0) return void (await io.stdout('No sign-in failures counted.\n'))
        for (const r of rows) {
          const wait =
            r.blockedUntil > now
              ? `waits until ${new Date(r.blockedUntil).toISOString()}`
              : 'not waiting'
          await io.stdout(
            `${r.key}\t${r.failures} failures, last ${new Date(r.lastFailedAt).toISOString()}, ${wait}\n`,
          )
        }
      } finally {
        store.close()
      }
    })
  user
    .command('unthrottle')
    .description('clear sign-in throttles of an email (every address), an address, or one key')
    .option('--email <email>', 'the account and every address’s attempts on it')
    .option('--address <address>', 'the address and all its attempts')
    .option('--key <key>', 'one throttle, as `csi user throttles` lists it')
    .action(async (opts: { email?: string; address?: string; key?: string }) => {
      const given = Object.entries(opts).filter(([, v]) => v !== undefined)
      if (given.length !== 1) throw new CliError('Give exactly one of --email, --address or --key')
      if (opts.email !== undefined && !z.email().safeParse(opts.email).success)
        throw new CliError(`--email: "${opts.email}" is not an email address`)
      const target =
        opts.email !== undefined
          ? { email: opts.email.trim().toLowerCase() }
          : opts.address !== undefined
            ? { address: opts.address }
            : { key: opts.key! }
      const { store } = await openCliStore(io)
      try {
        const n = await clearSignInThrottles(store.db, target)
        if (n === 0) throw new CliError(`No sign-in throttle for ${given[0]![1]}`)
        await io.stdout(`Cleared ${n} sign-in throttle${n === 1 ? '' : 's'}\n`)
      } finally {
        store.close()
      }
    })
}
