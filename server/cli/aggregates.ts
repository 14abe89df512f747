import type { Command } from 'commander'
import { countResponses } from '../db/responses'
import { rebuildWaveAggregates } from '../responses/rebuild-aggregates'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'
import { progressBar } from './progress'

export function registerAggregates(program: Command, io: CliIo) {
  const aggregates = program.command('aggregates').description('report aggregates (repair path)')
  aggregates
    .command('rebuild')
    .description("recompute a wave's report aggregates from its raw responses and swap them in")
    .requiredOption('--wave <id>', 'wave id')
    .option(
      '--from-answers',
      're-derive every rating from the SurveyJS answers (slower; after a mapping fix)',
    )
    .action(async (opts: { wave: string; fromAnswers?: boolean }) => {
      const { store } = await openCliStore(io)
      const total = await countResponses(store.db, opts.wave)
      const bar = progressBar(io, 'folding {bar} {value}/{total} responses', total)
      try {
        const t0 = performance.now()
        const result = await rebuildWaveAggregates(store, opts.wave, {
          fromAnswers: Boolean(opts.fromAnswers),
          onProgress: (done) => bar?.update(done),
        })
        bar?.stop()
        if (!result) throw new CliError(`--wave: no wave "${opts.wave}"`)
        const seconds = ((performance.now() - t0) / 1000).toFixed(2)
        await io.stdout(
          `Rebuilt ${result.cells} cells from ${result.responses} responses of ${opts.wave} in ${seconds} s\n`,
        )
      } finally {
        bar?.stop()
        store.close()
      }
    })
}
