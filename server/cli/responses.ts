import type { Command } from 'commander'
import { modes } from '../db/schema'
import type { Mode } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import { importResponses } from '../responses/responses-import'
import { fileHash } from '../node/csv-rows'
import { checkWaveAlerts } from '../follow-ups/check-alerts'
import { CliError } from './cli-error'
import { cliEnv } from './context'
import { runImport } from './import-command'
import type { CliIo } from './io'

export function registerResponses(program: Command, io: CliIo) {
  const responses = program.command('responses').description("a wave's responses")
  responses
    .command('import')
    .description(
      'import keyed or postal responses (CSV, columns: README.md, Responses CSV) into a wave: all rows or none',
    )
    .argument('<responses.csv>', 'CSV file with a header row')
    .requiredOption('--wave <id>', 'wave id')
    .option(
      '--mode <mode>',
      `interview mode of rows without a mode column (${modes.join(', ')})`,
      'postal',
    )
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { wave: string; mode: string; json?: boolean }) => {
      if (!(modes as readonly string[]).includes(opts.mode)) {
        throw new CliError(`--mode: "${opts.mode}" is not one of ${modes.join(', ')}`)
      }
      return runImport(
        io,
        file,
        opts,
        async (store, rows, onProgress) => {
          const loaded = await loadWaveSurvey(store.db, opts.wave)
          if (!loaded) throw new CliError(`--wave: no wave "${opts.wave}"`)
          const importKey = await fileHash(file)
          // Low scores on paper close the loop too: the import opens their alerts in its own
          // write; the check after it reads what older responses still wait for (none, usually).
          const host = new URL(cliEnv(io).PUBLIC_URL).hostname
          const imported = await importResponses(store, loaded, rows, {
            importKey,
            mode: opts.mode as Mode,
            onProgress,
            alerts: { host },
          })
          const check = await checkWaveAlerts(store, loaded.wave.id, host)
          // A check that read rows read every imported one too (the mark stayed before them).
          return { ...imported, alerts: check.checked > 0 ? check.matched : imported.alerts }
        },
        (r, seconds) => [
          `Imported ${r.rows} responses into ${opts.wave} (${Object.entries(r.modes)
            .map(([m, n]) => `${n} ${m}`)
            .join(', ')}) in ${seconds.toFixed(1)} s`,
          ...(r.matchedInvitations
            ? [`${r.matchedInvitations} matched an invitation, now marked as responded.`]
            : []),
          ...(r.alerts
            ? [
                `${r.alerts} low-score responses opened a follow-up alert; their emails are queued with the wave's messages.`,
              ]
            : []),
        ],
      )
    })
}
