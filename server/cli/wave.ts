import type { Command } from 'commander'
import { UnknownSurveyError, createWave } from '../db/waves'
import { listSurveys } from '../db/surveys'
import { CliError } from './cli-error'
import { openCliStore } from './context'

function parseDate(value: string, option: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59Z`) : new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new CliError(`${option}: "${value}" is not a date (use YYYY-MM-DD or ISO 8601)`)
  }
  return date
}

export function registerWave(program: Command) {
  const wave = program.command('wave').description('create and manage waves')
  wave
    .command('create')
    .description('create a wave of a survey; prints its id')
    .requiredOption('--survey <id>', 'survey id (customer, wholesaler, retailer, employee, …)')
    .requiredOption('--name <name>', 'wave name, e.g. "2026 Q4 customers"')
    .option('--closes <date>', 'close date (YYYY-MM-DD closes at the end of that day, UTC)')
    .option('--open', 'also create a public link (/s/<token>): one response per visit')
    .option('--json', 'print JSON instead of text')
    .action(async (opts: { survey: string; name: string; closes?: string; open?: boolean; json?: boolean }) => {
      if (!opts.name.trim()) throw new CliError('--name: must not be empty')
      const closesAt = opts.closes ? parseDate(opts.closes, '--closes') : null
      if (closesAt && closesAt <= new Date()) throw new CliError(`--closes: ${opts.closes} is in the past`)
      const { env, store } = await openCliStore()
      try {
        const created = await createWave(store.db, {
          surveyId: opts.survey,
          name: opts.name.trim(),
          closesAt,
          openLink: Boolean(opts.open),
        }).catch(async (err) => {
          if (!(err instanceof UnknownSurveyError)) throw err
          const known = (await listSurveys(store.db)).map((s) => s.id).join(', ')
          throw new CliError(`--survey: no survey "${opts.survey}" (known: ${known})`)
        })
        const link = created.openLinkToken ? `${env.PUBLIC_URL}/s/${created.openLinkToken}` : null
        const { id, name, surveyId, surveyVersion, audience, closesAt: closes } = created.wave
        if (opts.json) {
          const out = { id, name, survey: surveyId, surveyVersion, audience, closesAt: closes?.toISOString() ?? null, link }
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
        } else {
          process.stdout.write(`${id}\n`)
          if (link) process.stdout.write(`${link}\n`)
        }
      } finally {
        store.close()
      }
    })
}
