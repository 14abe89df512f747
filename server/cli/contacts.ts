import type { Command } from 'commander'
import { getWave } from '../db/waves'
import { importContacts } from '../distribution/contacts-import'
import { CliError } from './cli-error'
import { runImport } from './import-command'
import type { CliIo } from './io'

export function registerContacts(program: Command, io: CliIo) {
  const contacts = program.command('contacts').description("a wave's contact list")
  contacts
    .command('import')
    .description(
      'import contacts from CSV (email, name, audience, owner, segment columns): all rows or none',
    )
    .argument('<contacts.csv>', 'CSV file with a header row')
    .requiredOption('--wave <id>', 'wave id')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { wave: string; json?: boolean }) =>
      runImport(
        io,
        file,
        opts,
        async (store, rows, onProgress) => {
          const wave = await getWave(store.db, opts.wave)
          if (!wave) throw new CliError(`--wave: no wave "${opts.wave}"`)
          return importContacts(store, wave, rows, { onProgress })
        },
        (r, seconds) => [
          `Imported ${r.rows} contacts into ${opts.wave} (${r.added} new, ${r.updated} updated) in ${seconds.toFixed(1)} s`,
          ...(r.segments.length ? [`Segment columns: ${r.segments.join(', ')}`] : []),
          ...(r.optedOut
            ? [`${r.optedOut} of them opted out of survey email earlier and will not be emailed.`]
            : []),
        ],
      ),
    )
}
