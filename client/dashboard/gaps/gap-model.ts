import type { WaveDetail, WaveReport } from '../shell/api-types'
import { listInWords, numberWord, plural } from './words'

export type GapRow = WaveReport['gaps'][number]
export type Verdict = GapRow['verdict']
export type Peer = WaveDetail['peers']['compare'][number]
export type GapThresholds = WaveReport['config']['gapThresholds']

// The reports' one vocabulary (reports/words.ts), as the md report and print use it.
export { verdictName } from '../../../reports/words'

export const verdictOrder: readonly Verdict[] = [
  'dangerous',
  'watch',
  'pessimistic',
  'none',
  'descriptive-only',
  'suppressed',
]

/** "customers", "wholesalers", "staff": who a group is, in a sentence. */
export function groupNoun(audience: string): string {
  return audience === 'employee' ? 'staff' : `${audience}s`
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const rank = (r: GapRow) => (r.verdict === 'suppressed' || r.gap === null ? -Infinity : r.gap)

/** Largest gap (staff rosiest) first; suppressed and untested rows last, in survey order. */
export function sortGaps(rows: readonly GapRow[]): GapRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(b.r) - rank(a.r) || a.i - b.i)
    .map(({ r }) => r)
}

export const labelOf = (labels: Record<string, string>, key: string) => labels[key] ?? key

/** Verdicts that come from a test; `descriptive-only` and `suppressed` rows had none. */
export const isTested = (r: GapRow) =>
  r.verdict !== 'descriptive-only' && r.verdict !== 'suppressed'

const few = (n: number | null) => n !== null && n < 2

/** Why the shown rows that carry no test could not be tested, for a sentence after a colon. */
export function untestedWhy(rows: readonly GapRow[], other: string): string {
  const d = rows.filter((r) => r.verdict === 'descriptive-only')
  const need = 'a test needs at least 2 answers in each group'
  if (d.length > 0 && d.every((r) => few(r.nB))) return `too few ${other} answered (${need})`
  if (d.length > 0 && d.every((r) => few(r.nA))) return `too few staff answered (${need})`
  if (d.some((r) => few(r.nA) || few(r.nB))) return `too few answers (${need})`
  return 'the answers have no spread to test (everyone gave the same rating)'
}

/**
 * The page's headline: the dangerous gaps counted in words, then what else to look at. It
 * claims "no dangerous gaps" only when some gap was tested: an untested gap proves nothing.
 */
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
  const tested = rows.filter(isTested).length
  const details: string[] = []
  let title: string
  if (shown === 0) {
    title = 'No gap could be tested yet: every attribute is suppressed to keep staff anonymous'
  } else if (tested === 0) {
    title = `No gap could be tested yet: ${untestedWhy(rows, other)}`
    details.push(
      'The gaps below are shown as they are, without a verdict: read them as a description, not as evidence.',
    )
  } else if (dangerous.length > 0) {
    title = `${numberWord(dangerous.length, true)} dangerous ${plural(dangerous.length, 'gap')}: staff think we do much better than ${other} say`
    details.push(`On ${listInWords(dangerous)}.`)
  } else {
    title = `No dangerous gaps: staff do not think we do much better than ${other} say`
  }
  if (watch.length > 0)
    details.push(
      `${numberWord(watch.length, true)} to watch, where staff are somewhat rosier: ${listInWords(watch)}.`,
    )
  if (gloomy.length > 0)
    details.push(
      `Staff are gloomier than ${other} on ${numberWord(gloomy.length)} ${plural(gloomy.length, 'attribute')}: ${listInWords(gloomy)}.`,
    )
  const untested = shown - tested
  if (tested > 0 && untested > 0)
    details.push(
      `${numberWord(untested, true)} ${plural(untested, 'attribute')} could not be tested, ${untestedWhy(rows, other)}: shown without a verdict.`,
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
  /** `attributes`: how many were actually tested (the size of the corrected family). */
  o: { pAdjust: string; minGroup: number; attributes: number; other: string },
): Record<Verdict, string> {
  const points = (x: number) => `${x} ${x === 1 ? 'point' : 'points'}`
  const method = methodName[o.pAdjust] ?? o.pAdjust
  const family =
    o.attributes === 0
      ? 'the number of attributes tested'
      : `testing ${o.attributes} ${plural(o.attributes, 'attribute')} at once`
  const corrected = `significant after ${method} for ${family} (adjusted p < ${th.alpha})`
  const none = o.attributes === 0 ? ' Here no attribute could be tested.' : ''
  return {
    dangerous: `Staff rate us at least ${points(th.minGap)} higher than ${o.other} do (on the 1–5 scale), the difference is ${corrected}, and the effect is at least medium (Hedges g ≥ ${th.minG}).${none}`,
    watch: `Staff rate us higher than ${o.other} and either the difference is significant on its own (p < ${th.alpha}) or the effect is at least medium (g ≥ ${th.minG}), but not all the conditions of a dangerous gap hold.`,
    pessimistic: `Staff rate us at least ${points(th.pessimisticGap)} lower than ${o.other} do, ${corrected}. Reported, not alarmed.${none}`,
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
