import type { Command } from 'commander'
import { z } from 'zod'
import { generatePassword } from '../lib/tokens'
import { DuplicateUserError, createUser } from '../db/users'
import { roles, type Role } from '../db/schema'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import { registerSignInThrottles } from './sign-in-throttles'
import type { CliIo } from './io'

export function registerUser(program: Command, io: CliIo) {
  const user = program.command('user').description('manage dashboard users')
  user
    .command('add <email>')
    .description('create a dashboard user; prints a one-time password when none is given')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--password <password>', '8 to 128 characters')
    .action(async (email: string, opts: { role: string; password?: string }) => {
      if (!z.email().safeParse(email).success)
        throw new CliError(`<email>: "${email}" is not an email address`)
      if (!(roles as readonly string[]).includes(opts.role)) {
        throw new CliError(`--role: "${opts.role}" is not one of ${roles.join(', ')}`)
      }
      if (opts.password !== undefined && (opts.password.length < 8 || opts.password.length > 128)) {
        throw new CliError('--password: must be 8 to 128 characters')
      }
      const password = opts.password ?? generatePassword()
      const { store } = await openCliStore(io)
      try {
        const created = await createUser(store, { email, role: opts.role as Role, password })
        await io.stdout(`Created ${created.role} ${created.email}\n`)
        if (!opts.password) await io.stdout(`One-time password: ${password}\n`)
      } catch (err) {
        if (err instanceof DuplicateUserError)
          throw new CliError(`<email>: a user ${email} already exists`)
        throw err
      } finally {
        store.close()
      }
    })
  registerSignInThrottles(user, io)
}
