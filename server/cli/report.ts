import { SingleBar } from 'cli-progress'
import type { Command } from 'commander'
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  fileReport,
  parseReportOptions,
  readResponsesCsv,
  renderCsv,
  renderJson,
  renderMarkdown,
  ReportInputError,
  sniffDelimiter,
  surveyColumns,
  type RawReportOptions,
  type SurveyColumns,
} from '../report-io'
import { CliError } from './cli-error'

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

async function run(file: string, raw: RawReportOptions & { survey?: string }) {
  const req = parseReportOptions(raw)
  const survey = raw.survey === undefined ? null : await readSurvey(raw.survey)
  const { size, text } = await head(file)
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`${file}: the file is empty`)
  const stream = createReadStream(file, { encoding: 'utf8' })
  const bar = process.stderr.isTTY
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
    const out =
      req.format === 'json' ? renderJson(report) : req.format === 'csv' ? renderCsv(report) : renderMarkdown(report)
    if (!process.stdout.write(out)) await once(process.stdout, 'drain')
  } finally {
    bar?.stop()
    stream.destroy()
  }
}

export function registerReport(program: Command) {
  program
    .command('report')
    .description('compute the CSI report of a responses CSV (SPEC 5.3); no server or database needed')
    .argument('<responses.csv>', 'responses, one row each: UTF-8, comma or semicolon')
    .option('--format <format>', 'md (default, also when piped), csv or json')
    .option('--csi <definition>', 'overall | overall-rebuy (default) | attributes | weighted')
    .option('--scale <mapping>', 'mean → /10: linear (default) | proportional | anchored10')
    .option('--by <column>', 'segment column to break out (repeatable, or a comma list)', collect)
    .option('--compare <A:B>', 'audiences to compare, e.g. employee:customer (the default)')
    .option('--na <codes>', 'values that mean "not applicable", e.g. 0 or NA,-99', collect)
    .option('--min-group <k>', 'anonymity threshold for employee groups (default 5, at least 3)')
    .option('--audience <name>', 'audience of every row when the file has no audience column')
    .option('--overall <column>', 'column of overall satisfaction (default: "overall")')
    .option('--rebuy <column>', 'column of the intention to re-buy (default: "rebuy")')
    .option('--attributes <columns>', 'rating columns, comma-separated (default: numeric columns)', collect)
    .option('--survey <file.json>', 'SurveyJS definition whose attribute keys are the rating columns')
    .option('--sort <order>', 'attribute table order: mean (default) | importance')
    .addHelpText(
      'after',
      '\nWithout --csi the CSI is overall-rebuy, or overall when there is no rebuy column, or the\n' +
        'attribute mean when there is neither. Rows are numbered as a spreadsheet shows them.',
    )
    .action(async (file: string, opts: RawReportOptions & { survey?: string }) => {
      try {
        await run(file, opts)
      } catch (err) {
        if (err instanceof ReportInputError) throw new CliError(err.message)
        throw err
      }
    })
}
