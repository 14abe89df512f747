import type {
  AttributeRow,
  CsiResult,
  GapRow,
  GroupReport,
  ItemSummary,
  Report,
  WeightedAttributeRow,
  WeightedGroupReport,
} from '../../reports'
import { toCsv } from '../lib/csv'

/** The columns of the report CSV, for a wave (API, `csi report --wave`) or a file alike. */
export const reportCsvColumns = [
  'section',
  'audience',
  'segment_column',
  'segment_value',
  'weighting',
  'key',
  'label',
  'n',
  'effective_n',
  'deff',
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
  'top2box',
  'top2box_low',
  'top2box_high',
  'net',
  'net_low',
  'net_high',
  'alpha',
  'importance_r',
  'importance_share',
  'quadrant',
  'priority',
  'compared_with',
  'gap',
  't',
  'df',
  'p',
  'p_adjusted',
  'hedges_g',
  'cliffs_delta',
  'p_mann_whitney',
  'verdict',
  'note',
] as const

/**
 * Rounded for people reading a spreadsheet; the JSON keeps full precision (issue 19). Means, SDs
 * and limits on 1–5 and gaps: 3 decimals; /10 scores: 2; /100: 1; shares, r, α, g, δ: 3;
 * t and df: 2; p-values: 3 significant digits (a p of 2e-9 must not read 0).
 */
const dp = (d: number) => (x: number | null | undefined) =>
  x === null || x === undefined ? null : Number(x.toFixed(d))
const r3 = dp(3)
const r2 = dp(2)
const r1 = dp(1)
const pv = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Number(x.toPrecision(3))

type Cells = Partial<Record<(typeof reportCsvColumns)[number], string | number | null>>

const row = (cells: Cells) => reportCsvColumns.map((h) => cells[h] ?? '')

function groupCells(g: Report['groups'][number]): Cells {
  return {
    audience: g.audience,
    segment_column: g.segment?.column ?? '',
    segment_value: g.segment?.value ?? '',
  }
}

/** The cells of one item summary (an attribute, or overall / rebuy), rounded. */
function itemCells(a: ItemSummary): Cells {
  return {
    n: a.n,
    mean: r3(a.mean),
    sd: r3(a.sd),
    ci_low: r3(a.ciLow),
    ci_high: r3(a.ciHigh),
    score10: r2(a.score10),
    score10_low: r2(a.score10Low),
    score10_high: r2(a.score10High),
    band: a.band,
    flags: a.flags.join(' '),
    top2box: r3(a.t2b?.p),
    top2box_low: r3(a.t2b?.ciLow),
    top2box_high: r3(a.t2b?.ciHigh),
    net: r3(a.net?.value),
    net_low: r3(a.net?.ciLow),
    net_high: r3(a.net?.ciHigh),
    note: a.reason,
  }
}

function attributeRow(g: GroupReport, a: AttributeRow, label: string, weighting: string | null) {
  const eff = 'effectiveN' in a ? (a as WeightedAttributeRow).effectiveN : null
  return row({
    ...groupCells(g),
    ...itemCells(a),
    weighting,
    effective_n: r2(eff),
    section: 'attribute',
    key: a.key,
    label,
    importance_r: r3(a.importance.r),
    importance_share: r3(a.importance.share),
    quadrant: a.quadrant,
    priority: a.priority,
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
    mean: r3(gap.meanA),
    gap: r3(gap.gap),
    ci_low: r3(gap.ciGapLow),
    ci_high: r3(gap.ciGapHigh),
    t: r2(gap.t),
    df: r2(gap.df),
    p: pv(gap.p),
    p_adjusted: pv(gap.pAdjusted),
    hedges_g: r3(gap.g),
    cliffs_delta: r3(gap.cliffsDelta),
    p_mann_whitney: pv(gap.pMwuAdjusted),
    verdict: gap.verdict,
    note: gap.reason,
  })
}

/**
 * A report as one tidy CSV, one row per group statistic (`--format csv` and the API's
 * report.csv): the CSI (with α), overall and rebuy, every attribute (with top-2-box and net
 * score), then the gaps; numbers rounded for people (full precision is in the JSON), and every
 * text cell goes through the formula-injection guard of `toCsv`. A file report has no question
 * wording: its labels are empty. `p_mann_whitney` is the adjusted Mann–Whitney p.
 */
export function renderCsv(report: Report & { labels?: { attributes: Record<string, string> } }) {
  const label = (key: string) => report.labels?.attributes[key] ?? ''
  const rows: unknown[][] = []
  for (const g of report.groups) {
    if (g.suppressed) {
      rows.push(row({ ...groupCells(g), section: 'group', note: `suppressed: ${g.reason}` }))
      continue
    }
    const w = 'weighting' in g ? (g as unknown as WeightedGroupReport) : null
    if (w) {
      const x = w.weighting
      rows.push(
        row({
          ...groupCells(g),
          section: 'weighting',
          weighting: x.method,
          key: x.variables.join(' '),
          n: x.n,
          effective_n: r2(x.effectiveN),
          deff: r3(x.deff),
          note:
            `largest weight ${r3(x.maxWeight)}; ${x.trimmed} trimmed above ${x.trimAt} × median` +
            (x.iterations === null ? '' : `; ${x.iterations} passes, converged: ${x.converged}`) +
            `; CIs: ${x.ciMethod}`,
        }),
      )
      groupRows(rows, g, g.csi, g.attributes, label, x.method)
      groupRows(rows, g, w.unweighted.csi, w.unweighted.attributes, label, 'none')
    } else groupRows(rows, g, g.csi, g.attributes, label, null)
  }
  for (const gap of report.gaps) rows.push(gapRow(gap, label(gap.key)))
  return toCsv(rows, [...reportCsvColumns])
}

/** The CSI, overall/rebuy, attribute and battery rows of one group (weighted or not). */
function groupRows(
  rows: unknown[][],
  g: GroupReport,
  c: CsiResult,
  attributes: readonly AttributeRow[],
  label: (key: string) => string,
  weighting: string | null,
) {
  rows.push(
    row({
      ...groupCells(g),
      section: 'csi',
      key: c.definition,
      label: 'Customer satisfaction index',
      n: c.n,
      mean: r3(c.mean),
      sd: r3(c.sd),
      ci_low: r3(c.ciLow),
      ci_high: r3(c.ciHigh),
      score10: r2(c.score10),
      score10_low: r2(c.score10Low),
      score10_high: r2(c.score10High),
      index100: r1(c.index100),
      band: c.band,
      flags: c.flags.join(' '),
      alpha: r3(c.alpha),
      weighting,
      note: [c.reason, ...c.warnings].filter(Boolean).join('; '),
    }),
  )
  if (weighting !== null && weighting !== 'none') {
    for (const a of attributes) rows.push(attributeRow(g, a, label(a.key), weighting))
    return
  }
  for (const [key, item] of [
    ['overall', g.overall],
    ['rebuy', g.rebuy],
  ] as const) {
    if (item.n || item.suppressed)
      rows.push(row({ ...groupCells(g), ...itemCells(item), section: 'item', key, weighting }))
  }
  for (const a of attributes) rows.push(attributeRow(g, a, label(a.key), weighting))
  if (g.importanceModel.alpha !== null)
    rows.push(
      row({
        ...groupCells(g),
        section: 'battery',
        key: 'attributes',
        label: 'Cronbach α of the attributes',
        n: g.importanceModel.alphaN,
        alpha: r3(g.importanceModel.alpha),
        weighting,
      }),
    )
}
