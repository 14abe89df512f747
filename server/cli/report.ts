import { SingleBar } from 'cli-progress'
import type { Command } from 'commander'
import { createReadStream } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  fileReport,
  parsePopulationCsv,
  parseReportOptions,
  readResponsesCsv,
  renderCsv,
  renderJson,
  renderMarkdown,
  ReportInputError,
  sniffDelimiter,
  surveyColumns,
  type RawReportOptions,
  type ReportFormat,
  type SurveyColumns,
  withWeights,
} from '../results/file-report/index'
import type { FollowUp } from '../../reports'
import { renderPeriodTrend } from '../results/period-table'
import type { wavePeriodTrend } from '../results/period-trend'
import { CliError } from './cli-error'
import type { CliIo } from './io'

const collect = (value: string, previous: string[] = []) => [...previous, value]

async function readSurvey(path: string): Promise<SurveyColumns> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new CliError(`--survey: cannot read ${path}`)
  }
  try {
    return surveyColumns(JSON.parse(text))
  } catch {
    throw new CliError(`--survey: ${path} is not a SurveyJS JSON definition`)
  }
}

/** The first bytes of the file, to find the delimiter before streaming. */
async function head(path: string): Promise<{ size: number; text: string }> {
  let size: number
  try {
    const s = await stat(path)
    if (!s.isFile()) throw new Error('not a file')
    size = s.size
  } catch {
    throw new CliError(`cannot read ${path}: no such file`)
  }
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(Math.min(size, 65536))
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    return { size, text: buf.subarray(0, bytesRead).toString('utf8') }
  } finally {
    await fh.close()
  }
}

async function print(
  io: CliIo,
  format: ReportFormat,
  report: Parameters<typeof renderMarkdown>[0],
) {
  const out =
    format === 'json'
      ? renderJson(report)
      : format === 'csv'
        ? renderCsv(report)
        : renderMarkdown(report)
  await io.stdout(out)
}

async function readPopulation(path: string) {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new CliError(`--weights: cannot read ${path}`)
  }
  return parsePopulationCsv(text, basename(path))
}

type ReportFlags = RawReportOptions & { survey?: string; weights?: string }

async function run(io: CliIo, file: string, raw: ReportFlags) {
  const { weights, ...rest } = raw
  const parsed = parseReportOptions(rest)
  const req = weights === undefined ? parsed : withWeights(parsed, await readPopulation(weights))
  const survey = raw.survey === undefined ? null : await readSurvey(raw.survey)
  const { size, text } = await head(file)
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`${file}: the file is empty`)
  const stream = createReadStream(file, { encoding: 'utf8' })
  const bar = io.tty
    ? new SingleBar({ format: 'reading {bar} {percentage}% · {rows} rows', stream: process.stderr })
    : null
  bar?.start(size, 0, { rows: 0 })
  try {
    const read = await readResponsesCsv(stream, req, {
      file: basename(file),
      delimiter: sniffDelimiter(text),
      survey,
      onProgress: (rows) => bar?.update(Math.min(stream.bytesRead, size), { rows }),
    })
    bar?.update(size)
    bar?.stop()
    const report = fileReport(read, req)
    await print(io, req.format, report)
  } finally {
    bar?.stop()
    stream.destroy()
  }
}

// --bands too: a wave's bands are the programme's (`csi settings set`), never a report option.
const fileOnly = [
  'na',
  'audience',
  'overall',
  'rebuy',
  'attributes',
  'survey',
  'minGroup',
  'bands',
  'weights',
  'trimWeights',
] as const
const flag = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

function followUpLine(wave: string, f: FollowUp) {
  const share = f.shareResolved === null ? '–' : `${Math.round(f.shareResolved * 100)}%`
  const median =
    f.medianHoursToFirstAction === null
      ? 'none acted on yet'
      : `median ${f.medianHoursToFirstAction.toFixed(1)} h to first action (${f.acted} acted on)`
  return `Follow-up (${wave}): ${f.alerts} low-score alerts, ${f.open} open, ${f.inProgress} in progress, ${share} resolved; ${median}.`
}

/** The report of one or more waves from the database's aggregates (e.g. employees + customers). */
async function runWaves(io: CliIo, waveIds: string[], raw: ReportFlags) {
  const misplaced = fileOnly.find((name) => raw[name] !== undefined)
  if (misplaced) throw new CliError(`${flag(misplaced)}: applies to CSV files only, not to --wave`)
  const req = parseReportOptions(raw)
  // The database side loads only here: a report of a file needs neither SQLite nor drizzle.
  const [{ openCliStore }, { loadReportWaves, waveReport }, { ApiError }] = await Promise.all([
    import('./context'),
    import('../results/wave-report'),
    import('../lib/errors'),
  ])
  const { store } = await openCliStore(io)
  try {
    const waves = await loadReportWaves(store.db, waveIds).catch((err) => {
      if (err instanceof ApiError) throw new CliError(`--wave: ${err.message}`)
      throw err
    })
    const report = await waveReport(store, waves, req.report).catch((err) => {
      // Anonymity refusals (pooling employee waves, a second breakdown) name their option.
      if (err instanceof ApiError) throw new CliError(err.message.replace(/^(with|by):/, '--$1:'))
      throw err
    })
    // A continuous wave broken down by period also gets its line of periods, changes tested.
    const [one] = waves
    const periods =
      waves.length === 1 && one && req.report.by?.includes('period')
        ? await periodLine(store, one, req.report)
        : null
    if (periods && req.format === 'json')
      await io.stdout(`${JSON.stringify({ ...report, periods }, null, 2)}\n`)
    else await print(io, req.format, report)
    if (periods && req.format === 'md') await io.stdout(`\n${renderPeriodTrend(periods)}`)
    if (req.format === 'md')
      for (const w of report.waves)
        if (w.followUp?.alerts) await io.stdout(`${followUpLine(w.name, w.followUp)}\n`)
  } finally {
    store.close()
  }
}

/** The period trend of a continuous wave (null for a wave reported as one pool). */
async function periodLine(...[store, loaded, options]: Parameters<typeof wavePeriodTrend>) {
  const [periods, { wavePeriod }] = await Promise.all([
    import('../results/period-trend'),
    import('../surveys/reporting-period'),
  ])
  return wavePeriod(loaded.wave) ? periods.wavePeriodTrend(store, loaded, options) : null
}

export function registerReport(program: Command, io: CliIo) {
  program
    .command('report')
    .description('the CSI report of a responses CSV (no server or database needed), or of --wave')
    .argument('[responses.csv]', 'responses, one row each: UTF-8, comma or semicolon')
    .option(
      '--wave <id>',
      'report a wave from the database instead (repeatable: e.g. employees and customers for gaps)',
      collect,
    )
    .option('--format <format>', 'md (default, also when piped), csv or json')
    .option('--csi <definition>', 'overall | overall-rebuy (default) | attributes | weighted')
    .option(
      '--scale <mapping>',
      "mean → /10: linear (default; waves: the programme's) | proportional | anchored10",
    )
    .option('--by <column>', 'segment column to break out (repeatable, or a comma list)', collect)
    .option('--compare <A:B>', 'audiences to compare, e.g. employee:customer (the default)')
    .option('--na <codes>', 'values that mean "not applicable", e.g. 0 or NA,-99', collect)
    .option(
      '--min-group <k>',
      'anonymity threshold for employee groups of a CSV file (default 5, at least 3; waves use the programme setting)',
    )
    .option('--audience <name>', 'audience of every row when the file has no audience column')
    .option('--overall <column>', 'column of overall satisfaction (default: "overall")')
    .option('--rebuy <column>', 'column of the intention to re-buy (default: "rebuy")')
    .option(
      '--attributes <columns>',
      'rating columns, comma-separated (default: numeric columns)',
      collect,
    )
    .option(
      '--survey <file.json>',
      'SurveyJS definition whose attribute keys are the rating columns',
    )
    .option('--sort <order>', 'attribute table order: mean (default) | importance')
    .option(
      '--bands <cut-offs>',
      'band cut-offs on /10 for a CSV file, e.g. 7,8 (default; waves use the programme setting)',
    )
    .option(
      '--weights <population.csv>',
      'weight to known population figures: columns variable,value,share (margins → raking) or one column per segment plus share or count (cells → post-stratification)',
    )
    .option('--trim-weights <x>', 'with --weights: trim weights above x × the median (default 5)')
    .addHelpText(
      'after',
      '\nWithout --csi the CSI is overall-rebuy, or overall when there is no rebuy column, or the\n' +
        'attribute mean when there is neither. Rows are numbered as a spreadsheet shows them.\n' +
        'Every formula, default and rule for withholding a number: reports/README.md in the package.',
    )
    .action(async (file: string | undefined, opts: ReportFlags & { wave?: string[] }) => {
      const { wave, ...rest } = opts
      if (file && wave) throw new CliError('give either a CSV file or --wave, not both')
      if (!file && !wave) throw new CliError('give a responses CSV file, or --wave <id>')
      try {
        if (wave) await runWaves(io, wave, rest)
        else await run(io, file!, rest)
      } catch (err) {
        if (err instanceof ReportInputError) throw new CliError(err.message)
        throw err
      }
    })
}
