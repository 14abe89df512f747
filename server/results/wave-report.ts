import type {
  AggregateSpec,
  Audience,
  CellBlock,
  CutOffs,
  ReportOptions,
  ResponseRateInput,
} from '../../reports'
import {
  aggregatesFromBlocks,
  attitudeTable,
  periodLabel,
  reportFromAggregates,
} from '../../reports'
import { anonymityThresholds } from '../db/anonymity-settings'
import { programmeBands } from '../db/band-settings'
import type { Db, Store } from '../db/client'
import { loadAggregates } from '../db/aggregates'
import { invitationCounts } from '../db/invitations'
import { loadWaveSurvey } from '../db/wave-survey'
import { ApiError } from '../lib/errors'
import { waveFollowUp } from '../follow-ups/follow-up-figures'
import { isAnonymous } from '../surveys/audiences'
import { attitudeItems, surveyRoles } from '../surveys/survey-roles'
import { attitudeCounts } from './attitude-counts'
import { reportLabels } from '../surveys/report-labels'
import { PERIOD_SEGMENT, wavePeriod } from '../surveys/reporting-period'
import { anonymousBreakdown, releasedRows, type ReleaseInfo } from './released-results'
import { weightedWaveReport } from './wave-population'

type WaveSurvey = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/** Loads the waves of one report (one, or e.g. an employee and a customer wave for gaps). */
export async function loadReportWaves(db: Db, waveIds: readonly string[]) {
  const loaded: WaveSurvey[] = []
  for (const id of new Set(waveIds)) {
    const w = await loadWaveSurvey(db, id)
    if (!w) throw new ApiError('NOT_FOUND', `No wave ${id}`)
    loaded.push(w)
  }
  return loaded
}

/** One spec over several waves: each audience keeps its questionnaire's attribute keys. */
function combinedSpec(waves: readonly WaveSurvey[]): AggregateSpec {
  const attributes: Partial<Record<Audience, readonly string[]>> = {}
  const segments = new Set<string>()
  for (const { wave, spec } of waves) {
    const keys = spec.attributes[wave.audience] ?? []
    const seen = attributes[wave.audience]
    if (seen && seen.join() !== keys.join()) {
      throw new ApiError(
        'BAD_REQUEST',
        `Waves of audience ${wave.audience} ask different attributes; report them separately`,
      )
    }
    attributes[wave.audience] = keys
    for (const s of spec.segments ?? []) segments.add(s)
  }
  return { attributes, segments: [...segments] }
}

/**
 * Why these waves cannot be reported together with these options, or null. Employee waves are
 * anonymous (SPEC §6a): one at a time (pooled minus single would isolate people), and broken
 * down only by the one grouping their releases are checked for.
 */
export function anonymityRefusal(waves: readonly WaveSurvey[], by: readonly string[]) {
  const anonymous = waves.filter((w) => isAnonymous(w.wave.audience))
  if (anonymous.length > 1)
    return `with: employee waves are reported one at a time (${anonymous.map((w) => w.wave.id).join(', ')}): pooling them would let one be subtracted from the other`
  const [one] = anonymous
  if (!one) return null
  const allowed = anonymousBreakdown(one)
  const other = by.find((column) => column !== allowed)
  if (other !== undefined)
    return `by: an employee wave is broken down only by ${allowed ? `"${allowed}"` : 'nothing'} (not "${other}"): two groupings could be subtracted from each other`
  return null
}

/**
 * The SPEC §5.4 report of one or more waves, from their stored aggregates: a few hundred
 * rows whatever the number of responses. Waves of one audience are pooled. An employee wave is
 * read from its latest release, with the programme's anonymity threshold (never the caller's).
 */
export async function waveReport(
  store: Store,
  waves: readonly WaveSurvey[],
  requested: ReportOptions,
  now = new Date(),
) {
  const refusal = anonymityRefusal(waves, requested.by ?? [])
  if (refusal) throw new ApiError('BAD_REQUEST', refusal)
  const { db } = store
  const { minGroup } = await anonymityThresholds(db)
  // The programme's bands, always, and its scale unless the request picks one (SPEC §5.2).
  const { strength, adequate, scale } = await programmeBands(db)
  const cutOffs: CutOffs = { strength, adequate }
  const options: ReportOptions = { ...requested, scale: requested.scale ?? scale, cutOffs }
  const spec = combinedSpec(waves)
  const rows: CellBlock[] = []
  let release: ReleaseInfo | null = null
  let attitude: Awaited<ReturnType<typeof hrAttitude>> | null = null
  for (const loaded of waves) {
    if (isAnonymous(loaded.wave.audience)) {
      const released = await releasedRows(store, loaded, minGroup, now)
      rows.push(...released.rows)
      release = released.release
      attitude = await hrAttitude(db, loaded, options, { minGroup, cutOffs })
    } else rows.push(...(await loadAggregates(db, loaded.wave.id)))
  }
  // Response rates of an anonymous wave's groups would count who responded, one at a time.
  const responseRates = (await waveResponseRates(db, waves, options.by ?? [])).filter(
    (r) => !(isAnonymous(r.audience) && r.segment),
  )
  const report = reportFromAggregates(aggregatesFromBlocks(rows, spec), {
    ...options,
    // A survey without a rebuy question (the employee mirror) gets an index it can compute.
    csi: options.csi ?? (surveyRoles(waves[0]!.survey.definition).rebuy ? undefined : 'overall'),
    minGroup,
    responseRates,
  })
  // Weighted to the wave's population when one is stored (SPEC §5.4), unweighted beside it.
  const weighted = await weightedWaveReport(db, waves, report)
  return {
    ...weighted,
    release,
    attitude,
    labels: periodLabels(mergedLabels(waves), waves, report.groups),
    waves: await Promise.all(
      waves.map(async ({ wave }) => ({
        id: wave.id,
        name: wave.name,
        audience: wave.audience,
        surveyId: wave.surveyId,
        surveyVersion: wave.surveyVersion,
        // Closing the loop: how the low-score follow-ups went (employee waves have none).
        followUp: wave.audience === 'employee' ? null : await waveFollowUp(db, wave.id),
      })),
    ),
  }
}

/** The HR attitude table of an employee wave's release, for the wave and its one breakdown. */
async function hrAttitude(
  db: Db,
  loaded: WaveSurvey,
  options: ReportOptions,
  { minGroup, cutOffs }: { minGroup: number; cutOffs: CutOffs },
) {
  const column = options.by?.length ? anonymousBreakdown(loaded) : null
  const { keys, released: groups } = await attitudeCounts(db, loaded, column)
  const table = attitudeTable(groups, keys, { minGroup, scale: options.scale, cutOffs })
  return { items: attitudeItems(loaded.survey.definition), groups: table }
}

/**
 * Invitation outcomes per audience and per contact segment value, summed over the waves of an
 * audience: the AAPOR inputs of each report group. Audiences reached only by open links have no
 * invitations and so no rate (null, as SPEC §5.4 asks).
 */
export async function waveResponseRates(
  db: Db,
  waves: readonly WaveSurvey[],
  by: readonly string[],
) {
  const sums = new Map<string, ResponseRateInput>()
  const add = (
    audience: Audience,
    segment: { column: string; value: string } | null,
    c: Omit<ResponseRateInput, 'audience' | 'segment'>,
  ) => {
    const key = JSON.stringify([audience, segment])
    const prev = sums.get(key)
    sums.set(key, {
      audience,
      segment,
      invited: (prev?.invited ?? 0) + c.invited,
      responded: (prev?.responded ?? 0) + c.responded,
      partial: (prev?.partial ?? 0) + (c.partial ?? 0),
      optedOut: (prev?.optedOut ?? 0) + (c.optedOut ?? 0),
      bounced: (prev?.bounced ?? 0) + (c.bounced ?? 0),
    })
  }
  for (const { wave } of waves) {
    const counts = await invitationCounts(db, wave.id, by)
    if (counts.total.invited === 0) continue
    add(wave.audience, null, counts.total)
    for (const s of counts.bySegment)
      add(wave.audience, { column: s.column, value: s.value }, s.counts)
  }
  return [...sums.values()]
}

/** Question labels by key over the report's waves (the first wave's wording wins). */
function mergedLabels(waves: readonly WaveSurvey[]) {
  const labels = {
    attributes: {} as Record<string, string>,
    segments: {} as Record<string, string>,
    /** Display text of each segment answer value, per segment column. */
    segmentValues: {} as Record<string, Record<string, string>>,
  }
  for (const { survey } of [...waves].reverse()) {
    const l = reportLabels(survey.definition)
    for (const a of l.attributes) labels.attributes[a.key] = a.label
    for (const s of l.segments) {
      labels.segments[s.key] = s.label
      labels.segmentValues[s.key] = { ...labels.segmentValues[s.key], ...s.values }
    }
  }
  return labels
}

/** A continuous wave's `period` segment in words: "Reporting period", "December 2026". */
function periodLabels(
  labels: ReturnType<typeof mergedLabels>,
  waves: readonly WaveSurvey[],
  groups: readonly { segment: { column: string; value: string } | null }[],
) {
  if (!waves.some(({ wave }) => wavePeriod(wave))) return labels
  labels.segments[PERIOD_SEGMENT] ??= 'Reporting period'
  const values = (labels.segmentValues[PERIOD_SEGMENT] ??= {})
  for (const g of groups)
    if (g.segment?.column === PERIOD_SEGMENT) values[g.segment.value] = periodLabel(g.segment.value)
  return labels
}
