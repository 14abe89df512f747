import type { Command } from 'commander'
import { readNodeEnv } from '../node/config'
import { startNodeServer } from '../node/serve'

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('serve the respondent pages, dashboard and API (same as npm start)')
    .action(async () => {
      await startNodeServer(readNodeEnv(process.env))
    })
}
