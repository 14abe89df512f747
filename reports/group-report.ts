import { attributeTable, importanceOf, type Hidden } from './attributes'
import { csiAttributes, csiOverall, csiOverallRebuy, csiWeighted } from './csi'
import type { GroupStats } from './group-stats'
import type { Layout } from './layout'
import type { CsiResult, GroupReport, SuppressedGroup } from './report-types'
import { groupResponseRate } from './response-rates'
import { summarizeCounts, suppressedSummary } from './summary'
import type { Audience, ReportOptions, ResolvedOptions, Segment } from './types'

export interface Ctx {
  readonly o: ResolvedOptions
  readonly rates: ReportOptions['responseRates']
}

const hiddenCsi = (base: CsiResult, reason: string): CsiResult => ({
  definition: base.definition,
  ...{ n: null, mean: null, sd: null, ciLow: null, ciHigh: null, score10: null },
  ...{ score10Low: null, score10High: null, index100: null, band: null, flags: [] },
  ...{ alpha: null, r: null, nPartial: null, components: null, weights: null },
  ...{ weightsSource: null, suppressed: true, reason, warnings: [] },
})

/** The CSI of the chosen definition, with anonymity applied to it and its components. */
function groupCsi(
  s: GroupStats,
  h: Hidden,
  o: ResolvedOptions,
  rows: GroupReport['attributes'],
  imp: ReturnType<typeof importanceOf>,
) {
  if (o.csi === 'overall') {
    const c = csiOverall(s, o)
    return h.overall ? hiddenCsi(c, h.overall) : c
  }
  if (o.csi === 'overall-rebuy') {
    const c = csiOverallRebuy(s, o)
    const components = c.components && {
      overall: h.overall ? suppressedSummary(h.overall) : c.components.overall,
      rebuy: h.rebuy ? suppressedSummary(h.rebuy) : c.components.rebuy,
    }
    return { ...(h.pair ? hiddenCsi(c, h.pair) : c), components }
  }
  const c =
    o.csi === 'attributes'
      ? csiAttributes(s, rows, imp.alpha, o)
      : csiWeighted(s, rows, imp.derived, imp.alpha, o)
  const hiddenAttr = Object.values(h.attributes)[0]
  return hiddenAttr ? hiddenCsi(c, `composite of hidden items (${hiddenAttr})`) : c
}

/** One visible group of the report (SPEC §5.4): CSI, overall, rebuy, attribute table, model. */
export function buildGroup(
  audience: Audience,
  segment: Segment | null,
  s: GroupStats,
  keys: readonly string[],
  h: Hidden,
  { o, rates }: Ctx,
): GroupReport {
  const imp = importanceOf(s, o, h)
  const d = imp.derived
  const table = attributeTable(s, keys, o, d, h)
  const csi = groupCsi(s, h, o, table.rows, imp)
  const same = (x: Segment | null) => x?.column === segment?.column && x?.value === segment?.value
  const rate = rates?.find((r) => r.audience === audience && same(r.segment))
  const minInvited = o.anonymousAudiences.includes(audience) ? o.minGroup : 0
  const lowBase = d.reason && !d.gatePassed ? [`low base for derived importance: ${d.reason}`] : []
  return {
    audience,
    segment,
    n: s.n,
    suppressed: false,
    responseRate: rate ? groupResponseRate(rate, minInvited) : null,
    csi,
    overall: h.overall ? suppressedSummary(h.overall) : summarizeCounts(s.overall, s.n, o),
    rebuy: h.rebuy ? suppressedSummary(h.rebuy) : summarizeCounts(s.rebuy, s.n, o),
    attributes: table.rows,
    importanceModel: {
      dv: 'overall',
      ...{ n: d.n, k: d.k, required: d.required, gatePassed: d.gatePassed, method: d.method },
      ...{ r2: d.r2, alpha: imp.alpha, alphaN: imp.alphaN },
      ...{ crosshair: table.crosshair, reason: d.reason },
    },
    warnings: [...csi.warnings, ...lowBase, ...(imp.alphaWarning ? [imp.alphaWarning] : [])],
  }
}

/** A group hidden by anonymity: audience, segment and the reason only (SPEC §5.4). */
export const suppressedGroup = (
  audience: Audience,
  segment: Segment | null,
  reason: string,
): SuppressedGroup => ({ audience, segment, suppressed: true, reason })

/** The attribute keys a group shows: `o.attributes` in that order, else the audience's list. */
export function keysFor(layout: Layout, o: ResolvedOptions): string[] {
  if (o.attributes === null) return [...layout.attributes]
  return o.attributes.filter((k) => Object.hasOwn(layout.index, k))
}
