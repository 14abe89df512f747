import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { currentCatalogue } from '../catalogue/build-survey'
import { catalogueCsv, parseCatalogueCsv } from '../catalogue/catalogue-csv'
import { replaceCatalogue } from '../db/catalogue'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'

/** `csi catalogue export|import`: the attribute catalogue as the dashboard's CSV (SPEC §2). */
export function registerCatalogue(program: Command, io: CliIo) {
  const catalogue = program
    .command('catalogue')
    .description("the programme's attribute catalogue (CSV export and import)")
  catalogue
    .command('export')
    .description('print the catalogue as CSV (the starter one until a catalogue is saved)')
    .action(async () => {
      const { store } = await openCliStore(io)
      try {
        await io.stdout(catalogueCsv((await currentCatalogue(store.db)).items))
      } finally {
        store.close()
      }
    })
  catalogue
    .command('import')
    .description('replace the whole catalogue with a CSV file, or change nothing if a row is wrong')
    .argument('<file.csv>', 'columns key, kind, label, description and one per audience (yes)')
    .action(async (file: string) => {
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (err) {
        throw new CliError(
          `<file.csv>: cannot read ${file} (${(err as NodeJS.ErrnoException).code})`,
        )
      }
      const parsed = parseCatalogueCsv(text)
      if (!parsed.items)
        throw new CliError(
          `${file}: nothing imported\n${parsed.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
        )
      const { store } = await openCliStore(io)
      try {
        await replaceCatalogue(store, parsed.items)
        const attitude = parsed.items.filter((i) => i.kind === 'attitude').length
        await io.stdout(
          `Imported ${parsed.items.length} items (${parsed.items.length - attitude} attributes, ${attitude} attitude) from ${file}\n`,
        )
      } finally {
        store.close()
      }
    })
}
