import type { AttributeRow, GapRow, GroupReport, Report } from '../../reports'
import { toCsv } from '../lib/csv'

/** The columns of the report CSV, for a wave (API, `csi report --wave`) or a file alike. */
export const reportCsvColumns = [
  'section',
  'audience',
  'segment_column',
  'segment_value',
  'key',
  'label',
  'n',
  'mean',
  'sd',
  'ci_low',
  'ci_high',
  'score10',
  'score10_low',
  'score10_high',
  'index100',
  'band',
  'flags',
  'importance_r',
  'importance_share',
  'quadrant',
  'compared_with',
  'gap',
  'p',
  'p_adjusted',
  'hedges_g',
  'verdict',
  'note',
] as const

type Cells = Partial<Record<(typeof reportCsvColumns)[number], string | number | null>>

const row = (cells: Cells) => reportCsvColumns.map((h) => cells[h] ?? '')

function groupCells(g: Report['groups'][number]): Cells {
  return {
    audience: g.audience,
    segment_column: g.segment?.column ?? '',
    segment_value: g.segment?.value ?? '',
  }
}

function attributeRow(g: GroupReport, a: AttributeRow, label: string) {
  return row({
    ...groupCells(g),
    section: 'attribute',
    key: a.key,
    label,
    n: a.n,
    mean: a.mean,
    sd: a.sd,
    ci_low: a.ciLow,
    ci_high: a.ciHigh,
    score10: a.score10,
    score10_low: a.score10Low,
    score10_high: a.score10High,
    band: a.band,
    flags: a.flags.join(' '),
    importance_r: a.importance.r,
    importance_share: a.importance.share,
    quadrant: a.quadrant,
    note: a.reason,
  })
}

function gapRow(gap: GapRow, label: string) {
  return row({
    section: 'gap',
    audience: gap.groupA,
    compared_with: gap.groupB,
    key: gap.key,
    label,
    n: gap.nA,
    mean: gap.meanA,
    gap: gap.gap,
    ci_low: gap.ciGapLow,
    ci_high: gap.ciGapHigh,
    p: gap.p,
    p_adjusted: gap.pAdjusted,
    hedges_g: gap.g,
    verdict: gap.verdict,
    note: gap.reason,
  })
}

/**
 * A report as one tidy CSV, one row per group statistic (`--format csv` and the API's
 * report.csv): spreadsheets get full-precision numbers, and every text cell goes through the
 * formula-injection guard of `toCsv`. A file report has no question wording: its labels are empty.
 */
export function renderCsv(report: Report & { labels?: { attributes: Record<string, string> } }) {
  const label = (key: string) => report.labels?.attributes[key] ?? ''
  const rows: unknown[][] = []
  for (const g of report.groups) {
    if (g.suppressed) {
      rows.push(row({ ...groupCells(g), section: 'group', note: `suppressed: ${g.reason}` }))
      continue
    }
    const c = g.csi
    rows.push(
      row({
        ...groupCells(g),
        section: 'csi',
        key: c.definition,
        label: 'Customer satisfaction index',
        n: c.n,
        mean: c.mean,
        sd: c.sd,
        ci_low: c.ciLow,
        ci_high: c.ciHigh,
        score10: c.score10,
        score10_low: c.score10Low,
        score10_high: c.score10High,
        index100: c.index100,
        band: c.band,
        flags: c.flags.join(' '),
        note: [c.reason, ...c.warnings].filter(Boolean).join('; '),
      }),
    )
    for (const a of g.attributes) rows.push(attributeRow(g, a, label(a.key)))
  }
  for (const gap of report.gaps) rows.push(gapRow(gap, label(gap.key)))
  return toCsv(rows, [...reportCsvColumns])
}
