import type {
  Flag,
  GapRow,
  GroupReport,
  GroupResponseRate,
  Band,
  Priority,
  Report,
  Verdict,
  WeightedGroupReport,
  WeightingInfo,
} from '../../../reports'
import { verdictName } from '../../../reports'
import type { ReportSource } from './file-report'
import { count, mean, num, percent, pValue, signed, wrap } from './format'
import { attributeLines, csiLines, importanceLine } from './md-group'
import { mdTable } from './md-table'
import type { ReleaseInfo } from '../released-results'
import { attitudeLines, releaseLines, type HrAttitude } from './md-release'
import {
  audienceTitle,
  csiWords,
  flagLegend,
  mappingWords,
  bandLegend,
  priorityLegend,
  verdictLegend,
} from './md-words'

const WIDTH = 100
const para = (text: string) => [...wrap(text, WIDTH), '']
const withN = (m: number | null, n: number | null) =>
  m === null ? '–' : `${mean(m)} (${count(n)})`

/** A file report carries its `source`; a wave report (server) has none. */
type Renderable = Report & { readonly source?: ReportSource }

function definitionLines(r: Renderable): string[] {
  const cut = r.config.cutOffs
  return para(
    `CSI: ${csiWords[r.csiDefinition]}. Scores /10: ${mappingWords[r.scale.mapping]}. ` +
      `Bands on /10: strength ≥ ${cut.strength} · adequate ${cut.adequate} to < ${cut.strength} · ` +
      `concern < ${cut.adequate}.`,
  )
}

function sourceLines(r: Renderable, s: ReportSource): string[] {
  const c = s.columns
  const perAudience = r.groups
    .filter((g) => g.segment === null && !g.suppressed)
    .map((g) => `${g.audience} ${count((g as GroupReport).n)}`)
  const used = s.rowsUsed === s.rows ? '' : `, ${count(s.rowsUsed)} reported`
  const from = {
    option: 'named with --attributes',
    survey: 'from --survey',
    detected: 'numeric columns',
  }
  const parts = [
    `Columns: audience ${c.audience ? `from column "${c.audience}"` : `= ${c.audienceFixed} for every row`}`,
    `overall = ${c.overall ?? 'none'}`,
    `rebuy = ${c.rebuy ?? 'none'}`,
    `attributes (${from[c.attributesFrom]}) = ${c.attributes.join(', ') || 'none'}`,
    ...(c.importance.length ? [`stated importance = ${c.importance.join(', ')}`] : []),
  ]
  const more = [
    ...(s.na.length ? [`"Not applicable" codes: ${s.na.join(', ')}.`] : []),
    ...(c.segments.length ? [`Other columns (usable with --by): ${c.segments.join(', ')}.`] : []),
    ...(c.ignored.length ? [`Not used: ${c.ignored.join(', ')}.`] : []),
  ]
  return [
    ...para(`${count(s.rows)} responses read${used} (${perAudience.join(', ')}).`),
    ...para(`${parts.join('; ')}.`),
    ...(more.length ? para(more.join(' ')) : []),
  ]
}

/** AAPOR RR1 and RR2 with the counts behind them (SPEC §5.4, METHODOLOGY §6.8). */
function responseRateLine(r: GroupResponseRate) {
  const extra = [
    r.partial ? `RR2 ${percent(r.rr2)} with ${count(r.partial)} partial` : null,
    r.optedOut ? `${count(r.optedOut)} opted out` : null,
    r.bounced ? `${count(r.bounced)} bounced` : null,
  ].filter(Boolean)
  const base = `Response rate (AAPOR RR1): ${percent(r.rr1)} · ${count(r.responded)} of ${count(r.invited)} invited`
  return extra.length ? `${base} · ${extra.join(' · ')}` : base
}

function groupLines(r: Renderable, g: Renderable['groups'][number]): string[] {
  const who = audienceTitle[g.audience]
  const title = g.segment ? `### ${who} · ${g.segment.column} = ${g.segment.value}` : `## ${who}`
  if (g.suppressed) return [`${title}: hidden`, '', ...para(`Not shown: ${g.reason}.`)]
  const imp = importanceLine(g)
  // Said already by the CSI paragraph and the importance line.
  const notes = g.warnings.filter(
    (w) => w !== g.csi.reason && !w.startsWith('low base for derived'),
  )
  const w = weightingOf(g)
  const k = g.attributes.filter((a) => a.mean !== null).length
  return [
    `${title} (n = ${count(g.n)})`,
    '',
    ...(g.responseRate ? [...wrap(responseRateLine(g.responseRate), WIDTH), ''] : []),
    ...(w ? weightingLines(w.weighting) : []),
    ...csiLines(g.csi, k, r.config.alphaMin, w ? 'Weighted CSI' : 'CSI'),
    ...(w ? ['', ...csiLines(w.unweighted.csi, k, r.config.alphaMin, 'Unweighted CSI')] : []),
    '',
    ...attributeLines(g, r.config),
    ...(imp ? ['', ...wrap(imp, WIDTH)] : []),
    ...notes.flatMap((w) => wrap(`Note: ${w}.`, WIDTH)),
    '',
  ]
}

/** The weighting of a group, when it has one (SPEC §5.4 `weighting`). */
function weightingOf(g: GroupReport) {
  return 'weighting' in g ? (g as unknown as WeightedGroupReport) : null
}

function weightingLines(w: WeightingInfo): string[] {
  const how =
    w.method === 'raking'
      ? `raking on ${w.variables.join(', ')} (${w.iterations} passes, ${w.converged ? 'converged' : 'NOT converged'}, largest margin miss ${w.maxMarginError?.toExponential(1)})`
      : `post-stratification on ${w.variables.join(' × ')}`
  return para(
    `Weighted by ${how}: n = ${count(w.n)}, effective n = ${num(w.effectiveN, 1)}, design effect ${num(w.deff)}, ` +
      `largest weight ${num(w.maxWeight)}, ${count(w.trimmed)} trimmed above ${num(w.trimAt, 0)} × the median. ` +
      `CIs: ${w.ciMethod}. Unweighted figures beside the weighted ones.`,
  )
}

function gapLines(r: Renderable): string[] {
  if (r.gaps.length === 0) return []
  const out: string[] = []
  const pairs = [...new Set(r.gaps.map((g) => `${g.groupA}:${g.groupB}`))]
  for (const pair of pairs) {
    const rows = r.gaps.filter((g) => `${g.groupA}:${g.groupB}` === pair)
    const [a, b] = pair.split(':') as [keyof typeof audienceTitle, keyof typeof audienceTitle]
    const cell = (f: (g: GapRow) => string) =>
      rows.map((g) => (g.verdict === 'suppressed' ? '–' : f(g)))
    out.push(
      `## Perception gaps: ${audienceTitle[a].toLowerCase()} vs ${audienceTitle[b].toLowerCase()}`,
      '',
    )
    // The family is the tested attributes only: hidden and untested rows carry no p.
    const tested = rows.filter((g) => g.pAdjusted !== null).length
    const family =
      tested === 0
        ? 'no attribute could be tested'
        : `adjusted (${rows[0]!.pAdjustMethod}) across the ${tested} tested attribute${tested === 1 ? '' : 's'}`
    out.push(
      ...para(
        `Gap = ${a} mean − ${b} mean on 1–5; p from Welch's t-test, ${family}; g = Hedges' g.`,
      ),
      ...mdTable(
        [
          { title: 'Attribute', cells: rows.map((g) => g.key) },
          {
            title: `${audienceTitle[a]} (n)`,
            align: 'right',
            cells: cell((g) => withN(g.meanA, g.nA)),
          },
          {
            title: `${audienceTitle[b]} (n)`,
            align: 'right',
            cells: cell((g) => withN(g.meanB, g.nB)),
          },
          { title: 'Gap', align: 'right', cells: cell((g) => signed(g.gap)) },
          { title: 'p', align: 'right', cells: cell((g) => pValue(g.p)) },
          { title: 'p adj.', align: 'right', cells: cell((g) => pValue(g.pAdjusted)) },
          { title: 'g', align: 'right', cells: cell((g) => num(g.g)) },
          {
            title: 'Verdict',
            cells: rows.map((g) =>
              g.ordinalDisagrees ? `${verdictName[g.verdict]}*` : verdictName[g.verdict],
            ),
          },
        ],
        WIDTH,
      ),
      '',
    )
    if (rows.some((g) => g.ordinalDisagrees)) {
      out.push(
        ...para('* the Mann–Whitney test disagrees with Welch about significance: read with care.'),
      )
    }
  }
  return out
}

function legendLines(r: Renderable): string[] {
  const shown = r.groups.filter((g): g is GroupReport => !g.suppressed)
  const flags = new Set<Flag>(shown.flatMap((g) => g.attributes.flatMap((a) => a.flags)))
  shown.forEach((g) => g.csi.flags.forEach((f) => flags.add(f)))
  const priorities = new Set<Priority>(
    shown.flatMap((g) => g.attributes.flatMap((a) => a.priority ?? [])),
  )
  const bands = new Set<Band>(shown.flatMap((g) => g.attributes.flatMap((a) => a.band ?? [])))
  const verdicts = new Set<Verdict>(r.gaps.map((g) => g.verdict))
  const items = [
    ...(['strength', 'adequate', 'concern'] as const)
      .filter((b) => bands.has(b))
      .map((b) => `- Band ${bandLegend(b, r.config.cutOffs)}`),
    ...[...priorities].map((p) => `- ${priorityLegend(p)}`),
    ...[...flags].map((f) => `- Flag ${flagLegend(f, r.config)}`),
    ...[...verdicts].map((v) => `- Verdict ${verdictLegend(v, r.config)}`),
  ]
  const more = 'Every formula, default and rule for withholding a number: reports/README.md.'
  return items.length
    ? ['## Legend', '', ...items.flatMap((i) => wrap(i, WIDTH)), '', more, '']
    : []
}

/**
 * `--format md`: a report to read in a 100-column terminal or any Markdown viewer: source and
 * columns, then per group the CSI with its interval and band and the strengths/weaknesses table,
 * the perception gaps with verdicts, a legend and the warnings. Numbers are rounded for display.
 */
export function renderMarkdown(
  r: Report & {
    readonly source?: ReportSource
    readonly release?: ReleaseInfo | null
    readonly attitude?: HrAttitude | null
  },
): string {
  const groupTitle = (key: string) =>
    key.includes('/') ? decodeURIComponent(key.split('/')[1]!).replace('=', ': ') : 'All staff'
  const lines = [
    `# CSI report${r.source?.file ? `: ${r.source.file}` : ''}`,
    '',
    ...(r.release ? releaseLines(r.release) : []),
    ...(r.source ? sourceLines(r, r.source) : []),
    ...definitionLines(r),
    ...r.groups.flatMap((g) => groupLines(r, g)),
    ...gapLines(r),
    ...(r.attitude ? attitudeLines(r.attitude, groupTitle) : []),
    ...legendLines(r),
    ...(r.warnings.length ? ['## Warnings', '', ...r.warnings.map((w) => `- ${w}`), ''] : []),
  ]
  return `${lines.join('\n').trimEnd()}\n`
}
