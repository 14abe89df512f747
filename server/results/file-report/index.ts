// Reading a responses CSV (SPEC §5.3) into a report, and the three renderers of SPEC §5.2.
// Renderers are pure and runtime-free so the server can reuse them for waves and the API.
export { resolveColumns, type ColumnPlan } from './columns'
export { surveyColumns, type SurveyColumns } from '../../responses/responses-csv'
export { ReportInputError } from './errors'
export { fileReport, type FileReport, type ReportSource } from './file-report'
export { sniffDelimiter } from '../../lib/csv-delimiter'
export {
  formats,
  parseReportOptions,
  type RawReportOptions,
  type ReportFormat,
  type ReportRequest,
  withWeights,
} from './options'
export { parsePopulationCsv } from './population'
export { readResponsesCsv, type ReadOptions, type ReadResult } from './read-csv'
export { parseRating } from './records'
export { renderCsv } from '../report-csv'
export { renderJson } from './render-json'
export { renderMarkdown } from './render-md'
