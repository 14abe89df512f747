import { SingleBar } from 'cli-progress'
import type { Command } from 'commander'
import { countResponses } from '../db/responses'
import { rebuildWaveAggregates } from '../responses/rebuild-aggregates'
import { CliError } from './cli-error'
import { openCliStore } from './context'

export function registerAggregates(program: Command) {
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
      const { store } = await openCliStore()
      const total = await countResponses(store.db, opts.wave)
      const bar = process.stderr.isTTY
        ? new SingleBar({
            format: 'folding {bar} {value}/{total} responses',
            stream: process.stderr,
          })
        : null
      bar?.start(total, 0)
      try {
        const t0 = performance.now()
        const result = await rebuildWaveAggregates(store, opts.wave, {
          fromAnswers: Boolean(opts.fromAnswers),
          onProgress: (done) => bar?.update(done),
        })
        bar?.stop()
        if (!result) throw new CliError(`--wave: no wave "${opts.wave}"`)
        const seconds = ((performance.now() - t0) / 1000).toFixed(2)
        process.stdout.write(
          `Rebuilt ${result.cells} cells from ${result.responses} responses of ${opts.wave} in ${seconds} s\n`,
        )
      } finally {
        bar?.stop()
        store.close()
      }
    })
}
