import type {
  AttributeRow,
  Band,
  CsiResult,
  GroupReport,
  ItemSummary,
  ResolvedOptions,
} from '../../../reports'
import { count, interval, mean, num, percent, score, wrap } from './format'
import { mdTable } from './md-table'
import { bandName } from '../../../reports'
import { flagCode, priorityWords } from './md-words'

// The t-interval is symmetric, so mean ± half-width is exact and narrower than a range.
const meanCi = (r: ItemSummary) =>
  r.ciHigh === null || r.mean === null
    ? mean(r.mean)
    : `${mean(r.mean)} ±${mean(r.ciHigh - r.mean)}`

const scoreBand = (x: { score10: number | null; band: Band | null }) =>
  x.score10 === null ? '–' : `${score(x.score10)}/10 ${x.band ? bandName[x.band] : ''}`.trimEnd()

function itemLine(label: string, s: ItemSummary) {
  if (s.suppressed) return `- ${label}: hidden (${s.reason})`
  if (s.mean === null) return `- ${label}: no answers`
  return `- ${label}: ${mean(s.mean)} (95% CI ${interval(s.ciLow, s.ciHigh)}) → ${scoreBand(s)}, n = ${count(s.n)}`
}

/** The CSI paragraph of one group: value, interval, band, reliability, or why it is withheld. */
export function csiLines(
  c: CsiResult,
  attributes: number,
  alphaMin: number,
  name = 'CSI',
): string[] {
  if (c.suppressed) return [`${name} hidden: ${c.reason}.`]
  const alpha = c.alpha === null ? '' : ` · α = ${num(c.alpha)}`
  const lines: string[] = []
  const diverge = c.alpha !== null && c.alpha < alphaMin
  if (c.mean === null && diverge) {
    const what =
      c.definition === 'overall-rebuy'
        ? 'overall and rebuy diverge'
        : 'the attributes do not hang together'
    lines.push(`**${name} withheld**: ${what} (Cronbach α = ${num(c.alpha)} < ${num(alphaMin)}).`)
  } else if (c.mean === null) {
    lines.push(`**${name} withheld**: ${c.reason ?? 'no answers'}.`)
  } else {
    // The words follow the definition the JSON names, never the table's size: at n = 1 an
    // overall-rebuy CSI has no interval but is still overall-rebuy.
    const composite = c.definition === 'attributes' || c.definition === 'weighted'
    const ci =
      c.ciLow !== null
        ? `95% CI ${interval(c.ciLow, c.ciHigh)} (${score(c.score10Low)}–${score(c.score10High)}/10)`
        : composite
          ? `${compositeWords(c, attributes)}, no CI`
          : `${c.definition}, no CI with n = ${count(c.n)}`
    const flags = c.flags.length ? ` · flags ${c.flags.map((f) => flagCode[f]).join('')}` : ''
    lines.push(
      ...wrap(
        `**${name} ${mean(c.mean)} → ${scoreBand(c)}** · ${ci} · n = ${count(c.n)}${alpha}${flags}`,
      ),
    )
  }
  if (c.definition === 'overall-rebuy' && c.components) {
    if (c.mean === null) lines.push('', 'The two components, separately:')
    lines.push('', itemLine('overall', c.components.overall), itemLine('rebuy', c.components.rebuy))
    if (c.nPartial) lines.push(`- ${count(c.nPartial)} respondents answered only one of the two`)
  }
  if (c.weights) {
    const w = Object.entries(c.weights).map(([k, v]) => `${k} ${percent(v)}`)
    lines.push('', `Weights (${c.weightsSource}): ${w.join(', ')}`)
  }
  return lines
}

/** Which attribute means a composite CSI averaged: those with a mean, not every row. */
function compositeWords(c: CsiResult, attributes: number) {
  const k = c.weights ? Object.keys(c.weights).length : attributes
  const what = c.definition === 'weighted' ? 'importance-weighted mean' : 'mean'
  return `${what} of ${k} attribute means`
}

/** One-line summary of the bands: counts per band and the weakest attributes. */
function headline(rows: readonly AttributeRow[]): string | null {
  const rated = rows.filter((r) => r.score10 !== null)
  if (rated.length === 0) return null
  const n = (b: string) => rated.filter((r) => r.band === b).length
  const weakest = rated.filter((r) => r.band !== 'strength').sort((a, b) => a.score10! - b.score10!)
  const low = weakest
    .slice(0, 3)
    .map((r) => `${r.key} (${score(r.score10)})`)
    .join(', ')
  const counts = `${n('strength')} strength · ${n('adequate')} adequate · ${n('concern')} concern`
  return low ? `${counts}. Lowest: ${low}.` : `${counts}.`
}

/** The strengths/weaknesses table, in the report's row order, with band words and flag codes. */
export function attributeLines(g: GroupReport, o: ResolvedOptions): string[] {
  const rows = g.attributes
  if (rows.length === 0) return []
  // A weighted group shows its unweighted means beside the weighted ones.
  const before = 'unweighted' in g ? (g as { unweighted: { attributes: AttributeRow[] } }) : null
  const unweighted = before && new Map(before.unweighted.attributes.map((a) => [a.key, a]))
  const cell = (f: (r: AttributeRow) => string) => rows.map((r) => (r.suppressed ? '–' : f(r)))
  const table = mdTable([
    { title: 'Attribute', cells: rows.map((r) => r.key) },
    { title: 'n', align: 'right', cells: cell((r) => count(r.n)) },
    {
      title: unweighted ? 'Weighted mean ±95% CI' : 'Mean ±95% CI',
      align: 'right',
      cells: cell((r) => meanCi(r)),
    },
    { title: '/10', align: 'right', cells: cell((r) => score(r.score10)) },
    {
      title: 'Band',
      cells: rows.map((r) => (r.suppressed ? 'Hidden' : r.band ? bandName[r.band] : '–')),
    },
    {
      title: 'Flags',
      cells: rows.map((r) => r.flags.map((f) => flagCode[f]).join('')),
      optional: true,
    },
    { title: 'r', align: 'right', cells: cell((r) => num(r.importance.r)), optional: true },
    {
      title: 'Share',
      align: 'right',
      cells: cell((r) => percent(r.importance.share)),
      optional: true,
    },
    {
      title: 'Stated',
      align: 'right',
      cells: cell((r) => mean(r.importance.stated)),
      optional: true,
    },
    {
      title: 'Priority',
      cells: cell((r) => (r.priority ? priorityWords[r.priority] : '–')),
      optional: true,
    },
    {
      title: 'Unweighted',
      align: 'right',
      cells: cell((r) => {
        const u = unweighted?.get(r.key)
        return u ? `${mean(u.mean)} ${score(u.score10)}/10` : '–'
      }),
      optional: true,
    },
  ])
  const sorted = o.sort === 'none' ? '' : ` (sorted by ${o.sort})`
  const head = headline(rows)
  return [`Strengths and weaknesses${sorted}:`, '', ...table, ...(head ? ['', ...wrap(head)] : [])]
}

/** How importance was derived for a group, or why it could not be. */
export function importanceLine(g: GroupReport): string | null {
  const m = g.importanceModel
  if (g.attributes.length === 0) return null
  if (m.n === 0 && g.overall.n === 0) return null
  const share = m.method
    ? `share of R² (${m.method.toUpperCase()}, R² = ${num(m.r2)})`
    : `no share of R²: ${m.reason ?? 'not computed'}`
  return `Importance: r = correlation with overall over ${count(m.n)} complete cases; ${share}.`
}
