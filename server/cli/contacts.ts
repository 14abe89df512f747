import type { Command } from 'commander'
import { existsSync } from 'node:fs'
import { getWave } from '../db/waves'
import { importContacts } from '../import/contacts'
import { ImportRefused } from '../import/staging'
import { csvFileBatches } from '../node/csv-rows'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import { rowCounter } from './progress'

export function registerContacts(program: Command) {
  const contacts = program.command('contacts').description("a wave's contact list")
  contacts
    .command('import')
    .description(
      'import contacts from CSV (email, name, audience, owner, segment columns): all rows or none',
    )
    .argument('<contacts.csv>', 'CSV file with a header row')
    .requiredOption('--wave <id>', 'wave id')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { wave: string; json?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`<contacts.csv>: no file "${file}"`)
      const { store } = await openCliStore()
      const counter = rowCounter('checking')
      try {
        const wave = await getWave(store.db, opts.wave)
        if (!wave) throw new CliError(`--wave: no wave "${opts.wave}"`)
        const t0 = performance.now()
        const result = await importContacts(store, wave, csvFileBatches(file), {
          onProgress: counter.update,
        }).catch((err) => {
          if (err instanceof ImportRefused) throw new CliError(`${file}: ${err.message}`)
          throw err
        })
        counter.done()
        const seconds = (performance.now() - t0) / 1000
        if (opts.json)
          return void process.stdout.write(
            `${JSON.stringify({ wave: wave.id, ...result, seconds }, null, 2)}\n`,
          )
        process.stdout.write(
          `Imported ${result.rows} contacts into ${wave.id} (${result.added} new, ${result.updated} updated) in ${seconds.toFixed(1)} s\n`,
        )
        if (result.segments.length)
          process.stdout.write(`Segment columns: ${result.segments.join(', ')}\n`)
        if (result.optedOut) {
          process.stdout.write(
            `${result.optedOut} of them opted out of survey email earlier and will not be emailed.\n`,
          )
        }
      } finally {
        counter.done()
        store.close()
      }
    })
}
