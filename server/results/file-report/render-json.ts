import type { Report } from '../../../reports'

/** `--format json`: the report object of SPEC §5.4 (with `source` for a file), unrounded. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
