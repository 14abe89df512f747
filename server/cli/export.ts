import type { Command } from 'commander'
import { AnonymousExportRefused, exportResponses } from '../responses/export-responses'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'

export function registerExport(program: Command, io: CliIo) {
  program
    .command('export')
    .description("print a wave's responses as CSV (columns: README.md, Responses CSV) on stdout")
    .requiredOption('--wave <id>', 'wave id')
    .action(async (opts: { wave: string }) => {
      const { store } = await openCliStore(io)
      try {
        // Respect back-pressure so a million rows stream in constant memory.
        const write = (chunk: string) => io.stdout(chunk)
        const result = await exportResponses(store.db, opts.wave, write).catch((err) => {
          if (err instanceof AnonymousExportRefused) throw new CliError(`--wave: ${err.message}`)
          throw err
        })
        if (!result) throw new CliError(`--wave: no wave "${opts.wave}"`)
        if (io.tty) io.stderr(`${result.count} responses exported\n`)
      } finally {
        store.close()
      }
    })
}
