import type { CsiDefinition, ScaleMapping } from './report-format'

const csiValues: readonly CsiDefinition[] = ['overall-rebuy', 'overall', 'attributes', 'weighted']
const scaleValues: readonly ScaleMapping[] = ['linear', 'proportional', 'anchored10']

/**
 * The index a wave's report opens with: employee surveys ask no re-buy question, so theirs is
 * overall satisfaction (as the CLI picks for a file without a rebuy column).
 */
export const defaultCsiOf = (audience: string): CsiDefinition =>
  audience === 'employee' ? 'overall' : 'overall-rebuy'

/** What the page shows, as kept in its address: defaults are left out of the URL. */
export type ReportState = {
  csi: CsiDefinition
  scale: ScaleMapping
  by: string[]
  with: string[]
}

type Peer = { id: string; audience: string }

const list = (s: string | null) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)

/**
 * Reads the page's query. Unknown values fall back to the default, unknown segments and waves
 * are dropped, so an old or edited link still opens a report instead of an error. The default
 * scale is the programme's (GET /api/settings/bands), which the API applies when sent none.
 */
export function readReportState(
  query: URLSearchParams,
  known: { segments: readonly string[]; peers: readonly Peer[] },
  defaultCsi: CsiDefinition = 'overall-rebuy',
  defaultScale: ScaleMapping = 'linear',
): ReportState {
  const csi = query.get('csi') as CsiDefinition
  const scale = query.get('scale') as ScaleMapping
  const peers = new Map(known.peers.map((p) => [p.id, p.audience]))
  return {
    csi: csiValues.includes(csi) ? csi : defaultCsi,
    scale: scaleValues.includes(scale) ? scale : defaultScale,
    by: [...new Set(list(query.get('by')))].filter((k) => known.segments.includes(k)),
    with: [...new Set(list(query.get('with')))].filter((id) => peers.has(id)),
  }
}

/** The page's query string for a state, defaults omitted ("" when all are defaults). */
export function pageSearch(
  s: ReportState,
  defaultCsi: CsiDefinition = 'overall-rebuy',
  defaultScale: ScaleMapping = 'linear',
): string {
  const q = new URLSearchParams()
  if (s.csi !== defaultCsi) q.set('csi', s.csi)
  if (s.scale !== defaultScale) q.set('scale', s.scale)
  if (s.by.length) q.set('by', s.by.join(','))
  if (s.with.length) q.set('with', s.with.join(','))
  return q.toString()
}

/**
 * The report API's query: the page's, plus one `<their audience>:<this audience>` pair per other
 * audience among the chosen waves (waves of one audience are pooled).
 */
export function apiQuery(
  s: ReportState,
  audience: string,
  peers: readonly Peer[],
  defaultScale: ScaleMapping = 'linear',
): Record<string, string> {
  const q: Record<string, string> = {}
  if (s.csi !== 'overall-rebuy') q.csi = s.csi
  if (s.scale !== defaultScale) q.scale = s.scale
  if (s.by.length) q.by = s.by.join(',')
  if (s.with.length) {
    q.with = s.with.join(',')
    q.compare = otherAudiences(s.with, peers)
      .map((theirs) => `${theirs}:${audience}`)
      .join(',')
  }
  return q
}

/** The audiences of the chosen waves, in the order they were first chosen. */
export function otherAudiences(ids: readonly string[], peers: readonly Peer[]): string[] {
  const byId = new Map(peers.map((p) => [p.id, p.audience]))
  return [...new Set(ids.map((id) => byId.get(id)).filter((a): a is string => !!a))]
}
