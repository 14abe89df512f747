import type { Command } from 'commander'
import { existsSync } from 'node:fs'
import { modes } from '../db/schema'
import type { Mode } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import { importResponses } from '../import/responses'
import { ImportRefused } from '../import/staging'
import { csvFileBatches, fileHash } from '../node/csv-rows'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import { rowCounter } from './progress'

export function registerResponses(program: Command) {
  const responses = program.command('responses').description("a wave's responses")
  responses
    .command('import')
    .description('import keyed or postal responses (SPEC §5.3 CSV) into a wave: all rows or none')
    .argument('<responses.csv>', 'CSV file with a header row')
    .requiredOption('--wave <id>', 'wave id')
    .option(
      '--mode <mode>',
      `interview mode of rows without a mode column (${modes.join(', ')})`,
      'postal',
    )
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { wave: string; mode: string; json?: boolean }) => {
      if (!(modes as readonly string[]).includes(opts.mode)) {
        throw new CliError(`--mode: "${opts.mode}" is not one of ${modes.join(', ')}`)
      }
      if (!existsSync(file)) throw new CliError(`<responses.csv>: no file "${file}"`)
      const { store } = await openCliStore()
      const counter = rowCounter('importing')
      try {
        const loaded = await loadWaveSurvey(store.db, opts.wave)
        if (!loaded) throw new CliError(`--wave: no wave "${opts.wave}"`)
        const t0 = performance.now()
        const result = await importResponses(store, loaded, csvFileBatches(file), {
          importKey: await fileHash(file),
          mode: opts.mode as Mode,
          onProgress: counter.update,
        }).catch((err) => {
          if (err instanceof ImportRefused) throw new CliError(`${file}: ${err.message}`)
          throw err
        })
        counter.done()
        const seconds = (performance.now() - t0) / 1000
        if (opts.json)
          return void process.stdout.write(
            `${JSON.stringify({ wave: opts.wave, ...result, seconds }, null, 2)}\n`,
          )
        const byMode = Object.entries(result.modes)
          .map(([m, n]) => `${n} ${m}`)
          .join(', ')
        process.stdout.write(
          `Imported ${result.rows} responses into ${opts.wave} (${byMode}) in ${seconds.toFixed(1)} s\n`,
        )
        if (result.matchedInvitations)
          process.stdout.write(
            `${result.matchedInvitations} matched an invitation, now marked as responded.\n`,
          )
      } finally {
        counter.done()
        store.close()
      }
    })
}
