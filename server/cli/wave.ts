import type { Command } from 'commander'
import { UnknownSurveyError, createWave, getWave } from '../db/waves'
import { getSurvey, listSurveys } from '../db/surveys'
import { ApiError } from '../lib/errors'
import { reportingPeriods } from '../../reports/periods'
import { assertPeriodAllowed, assertRunnable, setReportingPeriod } from '../waves/wave-admin'
import { CliError } from './cli-error'
import { registerWaveStatus } from './wave-status'
import { openCliStore } from './context'
import type { CliIo } from './io'

type CreateOpts = {
  survey: string
  name: string
  opens?: string
  closes?: string
  remindAfter: string
  maxReminders: string
  open?: boolean
  owner?: string
  period?: string
  json?: boolean
}

function wholeNumber(value: string, option: string, min: number, max: number) {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${option}: "${value}" must be a whole number from ${min} to ${max}`)
  return n
}

function parseDate(value: string, option: string, day: 'start' | 'end' = 'end'): Date {
  const time = day === 'end' ? 'T23:59:59Z' : 'T00:00:00Z'
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}${time}`) : new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new CliError(`${option}: "${value}" is not a date (use YYYY-MM-DD or ISO 8601)`)
  }
  return date
}

function periodOption(value: string) {
  const period = reportingPeriods.find((p) => p === value.trim().toLowerCase())
  if (!period)
    throw new CliError(`--period: "${value}" must be one of ${reportingPeriods.join(', ')}`)
  return period
}

export function registerWave(program: Command, io: CliIo) {
  const wave = program.command('wave').description('create and manage waves')
  wave
    .command('create')
    .description('create a wave of a survey; prints its id')
    .requiredOption('--survey <id>', 'survey id (customer, wholesaler, retailer, employee, …)')
    .requiredOption('--name <name>', 'wave name, e.g. "2026 Q4 customers"')
    .option(
      '--opens <date>',
      'open date (YYYY-MM-DD opens at the start of that day, UTC); default now',
    )
    .option('--closes <date>', 'close date (YYYY-MM-DD closes at the end of that day, UTC)')
    .option('--remind-after <days>', 'days after the last email before a reminder', '3')
    .option('--max-reminders <n>', 'reminders per invitee at most', '2')
    .option('--open', 'also create a public link (/s/<token>): one response per visit')
    .option(
      '--owner <email>',
      'who follows up low scores of contacts without an owner of their own (closing the loop)',
    )
    .option(
      '--period <month|quarter>',
      'a continuous wave (open for long, fed by triggers): results per calendar month or quarter (UTC)',
    )
    .option('--json', 'print JSON instead of text')
    .action(async (opts: CreateOpts) => {
      if (!opts.name.trim()) throw new CliError('--name: must not be empty')
      const closesAt = opts.closes ? parseDate(opts.closes, '--closes') : null
      if (closesAt && closesAt <= new Date())
        throw new CliError(`--closes: ${opts.closes} is in the past`)
      const opensAt = opts.opens ? parseDate(opts.opens, '--opens', 'start') : null
      if (opensAt && closesAt && opensAt >= closesAt)
        throw new CliError(`--opens: ${opts.opens} is not before --closes ${opts.closes}`)
      const ownerEmail = opts.owner?.trim().toLowerCase()
      if (ownerEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ownerEmail))
        throw new CliError(`--owner: "${opts.owner}" is not an email address`)
      const remindAfterDays = wholeNumber(opts.remindAfter, '--remind-after', 0, 365)
      const maxReminders = wholeNumber(opts.maxReminders, '--max-reminders', 0, 10)
      const reportingPeriod = opts.period === undefined ? null : periodOption(opts.period)
      const { env, store } = await openCliStore(io)
      try {
        const survey = await getSurvey(store.db, opts.survey)
        const refused = (err: unknown) => {
          if (!(err instanceof ApiError)) throw err
          throw new CliError(
            err.message
              .replace(/^surveyId:/, '--survey:')
              .replace(/^reportingPeriod:/, '--period:'),
          )
        }
        if (survey) {
          await assertRunnable(store.db, survey).catch(refused)
          const pinned = { ...survey, surveyId: survey.id, surveyVersion: survey.currentVersion }
          if (reportingPeriod) await assertPeriodAllowed(store.db, pinned).catch(refused)
        }
        const created = await createWave(store.db, {
          surveyId: opts.survey,
          name: opts.name.trim(),
          opensAt,
          closesAt,
          openLink: Boolean(opts.open),
          remindAfterDays,
          maxReminders,
          ownerEmail,
          reportingPeriod,
        }).catch(async (err) => {
          if (!(err instanceof UnknownSurveyError)) throw err
          const known = (await listSurveys(store.db)).map((s) => s.id).join(', ')
          throw new CliError(`--survey: no survey "${opts.survey}" (known: ${known})`)
        })
        const link = created.openLinkToken ? `${env.PUBLIC_URL}/s/${created.openLinkToken}` : null
        const { id, name, surveyId, surveyVersion, audience, closesAt: closes } = created.wave
        if (opts.json) {
          const out = {
            id,
            name,
            survey: surveyId,
            surveyVersion,
            audience,
            closesAt: closes?.toISOString() ?? null,
            reportingPeriod: created.wave.reportingPeriod,
            link,
          }
          await io.stdout(`${JSON.stringify(out, null, 2)}\n`)
        } else {
          await io.stdout(`${id}\n`)
          if (link) await io.stdout(`${link}\n`)
        }
      } finally {
        store.close()
      }
    })
  wave
    .command('period')
    .description(
      'make a wave continuous (results per month or quarter, UTC) or pooled again (none); its aggregates are rebuilt',
    )
    .argument('<wave>', 'wave id')
    .argument('<period>', 'month, quarter or none')
    .action(async (id: string, value: string) => {
      const word = value.trim().toLowerCase()
      const period = word === 'none' ? null : (reportingPeriods.find((p) => p === word) ?? false)
      if (period === false)
        throw new CliError(`<period>: "${value}" must be month, quarter or none`)
      const { store } = await openCliStore(io)
      try {
        const found = await getWave(store.db, id)
        if (!found) throw new CliError(`<wave>: no wave "${id}"`)
        const { wave: changed } = await setReportingPeriod(store, found, period).catch((err) => {
          if (!(err instanceof ApiError)) throw err
          throw new CliError(err.message.replace(/^reportingPeriod:/, '<period>:'))
        })
        await io.stdout(
          `${changed.id} reports ${changed.reportingPeriod ? `per ${changed.reportingPeriod}` : 'as one pool'} (${changed.responses} responses)\n`,
        )
      } finally {
        store.close()
      }
    })
  registerWaveStatus(wave, io)
}
