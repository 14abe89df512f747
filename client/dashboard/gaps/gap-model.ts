import type { WaveDetail, WaveReport } from '../shell/api-types'
import { listInWords, numberWord, plural } from './words'

export type GapRow = WaveReport['gaps'][number]
export type Verdict = GapRow['verdict']
export type Peer = WaveDetail['peers']['compare'][number]
export type GapThresholds = WaveReport['config']['gapThresholds']

export const verdictName: Record<Verdict, string> = {
  dangerous: 'Dangerous',
  watch: 'Watch',
  pessimistic: 'Pessimistic',
  none: 'No gap',
  'descriptive-only': 'Descriptive only',
  suppressed: 'Suppressed',
}

export const verdictOrder: readonly Verdict[] = [
  'dangerous',
  'watch',
  'pessimistic',
  'none',
  'descriptive-only',
  'suppressed',
]

const audienceOrder = ['customer', 'wholesaler', 'retailer', 'employee']

/** "customers", "wholesalers", "staff": who a group is, in a sentence. */
export function groupNoun(audience: string): string {
  return audience === 'employee' ? 'staff' : `${audience}s`
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const fieldedAt = (p: Peer) => Date.parse(p.opensAt ?? p.createdAt)
const newestFirst = (a: Peer, b: Peer) => fieldedAt(b) - fieldedAt(a) || b.id.localeCompare(a.id)

export type CompareChoice = { value: string; label: string; ids: string[] }
export type CompareGroup = { audience: string; label: string; choices: CompareChoice[] }

/**
 * What an employee wave can be compared with: each wave of each audience (newest first), and
 * the waves of one audience pooled when there are several (one comparison per request).
 */
export function compareGroups(peers: readonly Peer[]): CompareGroup[] {
  const audiences = [...new Set(peers.map((p) => p.audience))].sort(
    (a, b) => audienceOrder.indexOf(a) - audienceOrder.indexOf(b),
  )
  return audiences.map((audience) => {
    const waves = peers.filter((p) => p.audience === audience).sort(newestFirst)
    const choices = waves.map((w) => ({ value: w.id, label: w.name, ids: [w.id] }))
    if (waves.length > 1) {
      const ids = waves.map((w) => w.id)
      choices.push({
        value: ids.join(','),
        label: `All ${waves.length} ${audience} waves together`,
        ids,
      })
    }
    return { audience, label: capitalize(groupNoun(audience)), choices }
  })
}

/** The newest customer wave; without one, the newest wave of any other audience. */
export function defaultCompare(peers: readonly Peer[]): string[] {
  const sorted = [...peers].sort(newestFirst)
  const pick = sorted.find((p) => p.audience === 'customer') ?? sorted[0]
  return pick ? [pick.id] : []
}

/**
 * The waves named in `?with=`, if they all exist and share one audience; otherwise the default,
 * so an old or edited link still opens a comparison instead of an error.
 */
export function readCompare(param: string | null, peers: readonly Peer[]): string[] {
  const byId = new Map(peers.map((p) => [p.id, p]))
  const ids = [
    ...new Set(
      (param ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
  const chosen = ids.map((id) => byId.get(id))
  const audience = chosen[0]?.audience
  if (ids.length === 0 || chosen.some((p) => !p || p.audience !== audience))
    return defaultCompare(peers)
  return ids
}

/** The report API's query for this comparison: `with=<ids>&compare=<employee>:<their audience>`. */
export function gapsQuery(
  audience: string,
  ids: readonly string[],
  peers: readonly Peer[],
): { with: string; compare: string } {
  const theirs = peers.find((p) => p.id === ids[0])?.audience ?? 'customer'
  return { with: ids.join(','), compare: `${audience}:${theirs}` }
}

const rank = (r: GapRow) => (r.verdict === 'suppressed' || r.gap === null ? -Infinity : r.gap)

/** Largest gap (staff rosiest) first; suppressed and untested rows last, in survey order. */
export function sortGaps(rows: readonly GapRow[]): GapRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(b.r) - rank(a.r) || a.i - b.i)
    .map(({ r }) => r)
}

export const labelOf = (labels: Record<string, string>, key: string) => labels[key] ?? key

/** The page's headline: the dangerous gaps counted in words, then what else to look at. */
export function gapHeadline(
  rows: readonly GapRow[],
  labels: Record<string, string>,
  other: string,
): { title: string; details: string[] } {
  const names = (v: Verdict) =>
    rows.filter((r) => r.verdict === v).map((r) => `“${labelOf(labels, r.key)}”`)
  const dangerous = names('dangerous')
  const watch = names('watch')
  const gloomy = names('pessimistic')
  const shown = rows.filter((r) => r.verdict !== 'suppressed').length
  const details: string[] = []
  let title: string
  if (shown === 0) {
    title = 'No gaps can be shown: every attribute is suppressed'
  } else if (dangerous.length > 0) {
    title = `${numberWord(dangerous.length, true)} dangerous ${plural(dangerous.length, 'gap')}: staff think we do much better than ${other} say`
    details.push(`On ${listInWords(dangerous)}.`)
  } else {
    title = `No dangerous gaps: staff do not think we do much better than ${other} say`
  }
  if (shown > 0 && watch.length > 0)
    details.push(
      `${numberWord(watch.length, true)} to watch, where staff are somewhat rosier: ${listInWords(watch)}.`,
    )
  if (gloomy.length > 0)
    details.push(
      `Staff are gloomier than ${other} on ${numberWord(gloomy.length)} ${plural(gloomy.length, 'attribute')}: ${listInWords(gloomy)}.`,
    )
  const hidden = rows.length - shown
  if (shown > 0 && hidden > 0)
    details.push(
      `${numberWord(hidden, true)} ${plural(hidden, 'attribute is', 'attributes are')} suppressed to keep staff answers anonymous.`,
    )
  return { title, details }
}

const methodName: Record<string, string> = {
  holm: 'Holm’s correction',
  bh: 'the Benjamini–Hochberg correction',
}

/** Each verdict's rule in plain words, from the report's own thresholds. */
export function verdictRules(
  th: GapThresholds,
  o: { pAdjust: string; minGroup: number; attributes: number; other: string },
): Record<Verdict, string> {
  const points = (x: number) => `${x} ${x === 1 ? 'point' : 'points'}`
  const corrected = `significant after ${methodName[o.pAdjust] ?? o.pAdjust} for testing ${o.attributes} ${plural(o.attributes, 'attribute')} at once (adjusted p < ${th.alpha})`
  return {
    dangerous: `Staff rate us at least ${points(th.minGap)} higher than ${o.other} do (on the 1–5 scale), the difference is ${corrected}, and the effect is at least medium (Hedges g ≥ ${th.minG}).`,
    watch: `Staff rate us higher than ${o.other} and either the difference is significant on its own (p < ${th.alpha}) or the effect is at least medium (g ≥ ${th.minG}), but not all the conditions of a dangerous gap hold.`,
    pessimistic: `Staff rate us at least ${points(th.pessimisticGap)} lower than ${o.other} do, ${corrected}. Reported, not alarmed.`,
    none: `None of the above: no good evidence that staff and ${o.other} see this attribute differently.`,
    'descriptive-only': `No test is possible (fewer than 2 answers in a group, or everyone gave the same rating): the gap is shown as it is.`,
    suppressed: `Fewer than ${o.minGroup} staff answered: hidden so that no one’s answers can be recognised.`,
  }
}

/** Symmetric axis limit on the 1–5 gap scale: covers every bar and whisker, in half points. */
export function gapAxisLimit(rows: readonly GapRow[], threshold: number): number {
  const ends = rows.flatMap((r) => [r.gap, r.ciGapLow, r.ciGapHigh])
  const max = Math.max(threshold, ...ends.map((x) => (x == null ? 0 : Math.abs(x))))
  return Math.min(4, Math.ceil((max + 0.15) * 2) / 2)
}
