import type { Command } from 'commander'
import { once } from 'node:events'
import { exportResponses } from '../responses/export-responses'
import { CliError } from './cli-error'
import { openCliStore } from './context'

export function registerExport(program: Command) {
  program
    .command('export')
    .description("print a wave's responses as CSV (SPEC 5.3) on stdout")
    .requiredOption('--wave <id>', 'wave id')
    .action(async (opts: { wave: string }) => {
      const { store } = await openCliStore()
      try {
        // Respect back-pressure so a million rows stream in constant memory.
        const write = async (chunk: string) => {
          if (!process.stdout.write(chunk)) await once(process.stdout, 'drain')
        }
        const result = await exportResponses(store.db, opts.wave, write)
        if (!result) throw new CliError(`--wave: no wave "${opts.wave}"`)
        if (process.stderr.isTTY) process.stderr.write(`${result.count} responses exported\n`)
      } finally {
        store.close()
      }
    })
}
