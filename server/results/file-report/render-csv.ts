import Papa from 'papaparse'
import type { AttributeRow, CsiResult, GroupReport, Report } from '../../../reports'
import { FORMULA_START } from '../../lib/csv'

export const csvColumns = [
  'audience',
  'segment_column',
  'segment_value',
  'key',
  'n',
  'mean',
  'sd',
  'ci_low',
  'ci_high',
  'score10',
  'band',
  'flags',
  'importance_r',
  'importance_share',
  'quadrant',
  'note',
] as const

type Cell = string | number | null

function csiRow(c: CsiResult): Cell[] {
  const flags = c.flags.join(';')
  return [
    'CSI',
    c.n,
    c.mean,
    c.sd,
    c.ciLow,
    c.ciHigh,
    c.score10,
    c.band,
    flags,
    null,
    null,
    null,
    c.reason,
  ]
}

function attributeRow(a: AttributeRow): Cell[] {
  return [
    ...[a.key, a.n, a.mean, a.sd, a.ciLow, a.ciHigh, a.score10, a.band, a.flags.join(';')],
    ...[a.importance.r, a.importance.share, a.quadrant, a.suppressed ? a.reason : null],
  ]
}

/**
 * `--format csv`: one row per group and attribute of the strengths/weaknesses table plus one CSI
 * row per group (key `CSI`); suppressed groups get one row with the reason. Full precision;
 * cells a spreadsheet could run as formulas are neutralised (SPEC §6a).
 */
export function renderCsv(report: Report): string {
  const rows: Cell[][] = []
  for (const g of report.groups) {
    const head: Cell[] = [g.audience, g.segment?.column ?? null, g.segment?.value ?? null]
    if (g.suppressed) {
      rows.push([...head, 'CSI', ...new Array<Cell>(11).fill(null), g.reason])
      continue
    }
    const group = g as GroupReport
    rows.push([...head, ...csiRow(group.csi)])
    for (const a of group.attributes) rows.push([...head, ...attributeRow(a)])
  }
  const text = Papa.unparse(
    { fields: [...csvColumns], data: rows },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  )
  return `${text}\r\n`
}
