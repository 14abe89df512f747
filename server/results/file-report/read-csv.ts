import Papa from 'papaparse'
import {
  audiences,
  emptyAggregate,
  foldResponses,
  type Aggregate,
  type Audience,
  type ResponseRecord,
  type WeightedRecord,
} from '../../../reports'
import { sniffDelimiter } from '../../lib/csv-delimiter'
import {
  responsesHeader,
  type ResponsesHeader,
  type SurveyColumns,
} from '../../responses/responses-csv'
import { resolveColumns, type ColumnPlan } from './columns'
import { ReportInputError } from './errors'
import type { ReportRequest } from './options'
import { LISTED_PROBLEMS, problemsMessage } from './problems'
import { rowReader, type CellProblem } from './records'

/** Rows looked at before column roles are decided (numeric-column detection). */
export const SAMPLE_ROWS = 1000
const BATCH = 2000
const PROGRESS_EVERY = 5000

export interface ReadOptions {
  /** Name shown in the report (`source.file`). */
  readonly file?: string | null
  /** Sniffed from the text when the input is a string; give it for a stream. */
  readonly delimiter?: ',' | ';'
  readonly survey?: SurveyColumns | null
  /** Called every few thousand rows with the data rows read so far. */
  readonly onProgress?: (rows: number) => void
}

export interface ReadResult {
  readonly aggregate: Aggregate
  readonly plan: ColumnPlan
  readonly file: string | null
  readonly delimiter: ',' | ';'
  /** Data rows read (blank rows not counted). */
  readonly rows: number
  /** Rows reported (fewer than `rows` when --audience keeps one audience of several). */
  readonly rowsUsed: number
  /** With `--weights`: every response kept, named by its row, for respondent weights. */
  readonly records: readonly WeightedRecord[] | null
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

/** The header row, read as every responses CSV is; a clash or no names refuses the file. */
function fileHeader(cells: readonly string[]): ResponsesHeader {
  const header = responsesHeader(cells)
  const clash = header.clashes[0]
  if (clash) throw new ReportInputError(`row 1: column "${clash.name}" ${clash.problem}`)
  if (header.names.every((n) => n === '')) {
    throw new ReportInputError('row 1: the header row names no columns')
  }
  return header
}

/**
 * Streams a responses CSV (SPEC §5.3) into report aggregates in constant memory: the header and
 * the first {@link SAMPLE_ROWS} rows decide the column roles, then every row is checked and
 * folded in batches. Any refused cell refuses the whole file with one message naming the first
 * offending row and column (spreadsheet numbering: header = row 1).
 */
export function readResponsesCsv(
  input: string | NodeJS.ReadableStream,
  req: ReportRequest,
  opts: ReadOptions = {},
): Promise<ReadResult> {
  const delimiter = opts.delimiter ?? (typeof input === 'string' ? sniffDelimiter(input) : ',')
  let header: ResponsesHeader | null = null
  let plan: ColumnPlan | null = null
  let read: ReturnType<typeof rowReader> | null = null
  let agg: Aggregate | null = null
  let record = 0
  let rows = 0
  let used = 0
  let batch: ResponseRecord[] = []
  const sample: { cells: string[]; row: number }[] = []
  const problems: CellProblem[] = []
  let refused = 0
  // Weighting needs each respondent, not only the sums: kept only when --weights asks.
  const kept: WeightedRecord[] | null = req.weighting ? [] : null

  const decide = () => {
    plan = resolveColumns(
      header!,
      sample.map((s) => s.cells),
      req,
      opts.survey ?? null,
    )
    read = rowReader(plan, req.na)
    const keys = plan.attributes.map((a) => a.name)
    const attributes = Object.fromEntries(audiences.map((a) => [a, keys])) as Record<
      Audience,
      string[]
    >
    agg = emptyAggregate({ attributes, segments: plan.by.map((b) => b.name) })
    for (const s of sample.splice(0)) take(s.cells, s.row)
  }
  const flush = () => {
    if (batch.length > 0 && refused === 0) agg = foldResponses(agg!, batch)
    batch = []
  }
  const take = (cells: string[], row: number) => {
    const r = read!(cells, row)
    if (r === null) return
    used++
    if ('row' in r) {
      if (refused++ < LISTED_PROBLEMS) problems.push(r)
      return
    }
    if (refused > 0) return
    if (kept) kept.push({ ...r, id: `row ${row}` })
    batch.push(r)
    if (batch.length >= BATCH) flush()
  }
  const onRow = (cells: string[], errors: Papa.ParseError[]) => {
    const row = ++record
    if (errors.length > 0) throw new ReportInputError(`row ${row}: ${errors[0]!.message}`)
    if (header === null) return void (header = fileHeader(cells))
    if (isBlank(cells)) return
    const width = header.names.length
    if (cells.length < width || cells.slice(width).some((c) => c.trim() !== '')) {
      throw new ReportInputError(
        `row ${row} has ${cells.length} fields but the header has ${width}`,
      )
    }
    rows++
    if (rows % PROGRESS_EVERY === 0) opts.onProgress?.(rows)
    if (plan !== null) return take(cells, row)
    sample.push({ cells, row })
    if (sample.length >= SAMPLE_ROWS) decide()
  }
  const finish = (): ReadResult => {
    if (header === null) throw new ReportInputError('the file is empty')
    if (plan === null) decide()
    flush()
    const p = plan as unknown as ColumnPlan
    if (refused > 0) throw new ReportInputError(problemsMessage(problems, refused, p))
    if (rows === 0) throw new ReportInputError('the file has a header but no responses')
    if (used === 0) {
      throw new ReportInputError(`--audience: no rows with audience "${p.keepAudience}"`)
    }
    opts.onProgress?.(rows)
    const records = kept
    return {
      aggregate: agg!,
      plan: p,
      file: opts.file ?? null,
      delimiter,
      rows,
      rowsUsed: used,
      records,
    }
  }

  return new Promise((resolve, reject) => {
    let settled = false
    const settle = (err: unknown, result?: ReadResult) => {
      if (settled) return
      settled = true
      if (err) reject(err)
      else resolve(result!)
    }
    Papa.parse<string[]>(input as string, {
      delimiter,
      header: false,
      skipEmptyLines: false,
      step(results, parser) {
        if (settled) return
        try {
          onRow(results.data, results.errors)
        } catch (err) {
          settle(err)
          parser.abort()
          ;(input as { destroy?: () => void }).destroy?.()
        }
      },
      complete() {
        if (settled) return
        try {
          settle(null, finish())
        } catch (err) {
          settle(err)
        }
      },
      error(err: Error) {
        settle(new ReportInputError(`cannot read the file: ${err.message}`))
      },
    })
  })
}
