import type { Command } from 'commander'
import { startNodeServer } from '../node/serve'
import { cliEnv } from './context'
import type { CliIo } from './io'

export function registerServe(program: Command, io: CliIo) {
  program
    .command('serve')
    .description('serve the respondent pages, dashboard and API (same as npm start)')
    .action(async () => {
      await startNodeServer(cliEnv(io), (line) => void io.stdout(`${line}\n`))
    })
}
