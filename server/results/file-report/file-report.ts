import {
  reportFromAggregates,
  weightReport,
  WeightingError,
  type Audience,
  type Report,
} from '../../../reports'
import { ReportInputError } from './errors'
import type { ColumnPlan } from './columns'
import type { ReportRequest } from './options'
import type { ReadResult } from './read-csv'

/** Where a file report's numbers came from: `source` in the JSON, the header of the md. */
export interface ReportSource {
  readonly file: string | null
  /** Data rows read (blank rows not counted). */
  readonly rows: number
  /** Rows reported: fewer than `rows` when --audience keeps one audience of several. */
  readonly rowsUsed: number
  readonly delimiter: ',' | ';'
  /** Cell values read as "not applicable" (besides empty cells). */
  readonly na: readonly string[]
  readonly columns: {
    /** The audience column, or null when every row has `audienceFixed`. */
    readonly audience: string | null
    readonly audienceFixed: Audience | null
    readonly overall: string | null
    readonly rebuy: string | null
    readonly attributes: readonly string[]
    /** How the attribute columns were chosen: --attributes, --survey, or numeric detection. */
    readonly attributesFrom: ColumnPlan['attributesFrom']
    /** Stated-importance columns (`imp_<key>`). */
    readonly importance: readonly string[]
    /** Other columns: segment dimensions, usable with --by. */
    readonly segments: readonly string[]
    readonly ignored: readonly string[]
  }
}

/** The report of SPEC §5.4 plus where it came from. */
export type FileReport = Report & { readonly source: ReportSource }

/** The report of a file read by `readResponsesCsv`, attributes shown under their column names. */
export function fileReport(read: ReadResult, req: ReportRequest): FileReport {
  const { plan } = read
  const attributes = plan.attributes.map((a) => a.name)
  // --by names a column ignoring letter case: the groups carry the column's own name.
  const by = plan.by.map((c) => c.name)
  const plain = reportFromAggregates(read.aggregate, {
    ...req.report,
    csi: plan.csi,
    attributes,
    by,
  })
  const report = weighted(plain, read, req)
  const source: ReportSource = {
    file: read.file,
    rows: read.rows,
    rowsUsed: read.rowsUsed,
    delimiter: read.delimiter,
    na: req.na,
    columns: {
      audience: 'fixed' in plan.audience ? null : plan.audience.name,
      audienceFixed: 'fixed' in plan.audience ? plan.audience.fixed : null,
      overall: plan.overall?.name ?? null,
      rebuy: plan.rebuy?.name ?? null,
      attributes,
      attributesFrom: plan.attributesFrom,
      importance: plan.importance.map((c) => plan.header[c.index]!),
      segments: plan.segments,
      ignored: plan.ignored,
    },
  }
  return { ...report, source }
}

/** The report weighted to `--weights`, with weighting refusals naming the option. */
function weighted(report: Report, read: ReadResult, req: ReportRequest): Report {
  if (!req.weighting || !read.records) return report
  try {
    return weightReport(report, read.records, req.weighting.population, req.weighting.settings)
  } catch (err) {
    if (err instanceof WeightingError) throw new ReportInputError(`--weights: ${err.message}`)
    throw err
  }
}
