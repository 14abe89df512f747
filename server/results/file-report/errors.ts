/**
 * A refused file or option: one line that names the option, or the row and column, at fault.
 * The CLI prints it as is; the API can map it to BAD_REQUEST.
 */
export class ReportInputError extends Error {
  override name = 'ReportInputError'
}
