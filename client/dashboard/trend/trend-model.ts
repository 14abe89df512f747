import type { InferResponseType } from 'hono/client'
import type { api } from '../../api'
import { fixed, pPhrase, signed } from '../../lib/format'
import type { CsiDefinition, ScaleMapping } from '../report/report-format'
import { defaultCsiOf } from '../report/report-query'

export type TrendData = InferResponseType<(typeof api.api.waves)[':id']['trend']['$get'], 200>
export type TrendPoint = TrendData['points'][number]
export type TrendChange = TrendData['changes'][number]
export type TrendValue = NonNullable<TrendPoint['csi']>

// This page's wording of the options; the report words some of them differently (report-format.ts).
export const csiNames: Record<CsiDefinition, string> = {
  'overall-rebuy': 'Overall satisfaction and re-buy',
  overall: 'Overall satisfaction only',
  attributes: 'Average of the attributes',
  weighted: 'Attributes weighted by importance',
}

export const scaleNames: Record<ScaleMapping, string> = {
  linear: 'Linear: 1 → 0, 5 → 10',
  proportional: 'Proportional: 5 → 10 (×2)',
  anchored10: 'Anchored: 1 → 1, 5 → 10',
}

/** The page's choices as kept in its address (`?show=&csi=&scale=`), with safe fallbacks. */
export type TrendState = { show: string; csi: CsiDefinition; scale: ScaleMapping }

/** Reads the address; the default index is the report's, and an unknown attribute shows it. */
export function readTrendState(
  query: URLSearchParams,
  o: { audience: string; attributes: readonly string[]; defaultScale?: ScaleMapping },
): TrendState {
  const csi = query.get('csi') as CsiDefinition
  const scale = query.get('scale') as ScaleMapping
  const show = query.get('show') ?? 'csi'
  return {
    show: o.attributes.includes(show) ? show : 'csi',
    csi: csi in csiNames ? csi : defaultCsiOf(o.audience),
    scale: scale in scaleNames ? scale : (o.defaultScale ?? 'linear'),
  }
}

/** The address for a state: defaults left out, so the plain URL stays plain. */
export function trendSearch(
  s: TrendState,
  audience: string,
  defaultScale: ScaleMapping = 'linear',
): string {
  const q = new URLSearchParams()
  if (s.show !== 'csi') q.set('show', s.show)
  if (s.csi !== defaultCsiOf(audience)) q.set('csi', s.csi)
  if (s.scale !== defaultScale) q.set('scale', s.scale)
  return q.toString()
}

/** The index is read on /100 (as on the report), attributes on /10. */
export const unitOf = (show: string) =>
  show === 'csi' ? { factor: 10, unit: '/100' } : { factor: 1, unit: '/10' }

export type SeriesRow = {
  point: TrendPoint
  value: TrendValue | null
  /** On the page's unit (/100 or /10). */
  score: number | null
  low: number | null
  high: number | null
  change: TrendChange | null
}

/** One row per wave for the chosen measure, with the tested change from the previous wave. */
export function trendSeries(data: TrendData, show: string): SeriesRow[] {
  const { factor } = unitOf(show)
  const times = (x: number | null) => (x === null ? null : x * factor)
  return data.points.map((point) => {
    const value = show === 'csi' ? point.csi : (point.attributes[show] ?? null)
    return {
      point,
      value,
      score: times(value?.score10 ?? null),
      low: times(value?.score10Low ?? null),
      high: times(value?.score10High ?? null),
      change: data.changes.find((c) => c.key === show && c.toWave === point.waveId) ?? null,
    }
  })
}

export type ChangeView = {
  direction: 'up' | 'down' | 'flat'
  arrow: string
  /** On the page's unit, signed: "+1.7". */
  diff: string
  significant: boolean
  /** "significant (p < 0.001)", "not significant (p = 0.217)". */
  words: string
}

/** A change in words: arrow, signed difference and whether it is significant, with p. */
export function changeView(c: TrendChange, show: string): ChangeView {
  const { factor } = unitOf(show)
  const diff = signed(c.diff10 * factor, 1)
  const direction = Number(fixed(c.diff10 * factor, 1)) === 0 ? 'flat' : c.diff > 0 ? 'up' : 'down'
  const p = pPhrase(c.pAdjusted, show === 'csi' ? 'p' : 'Holm p')
  const words =
    c.pAdjusted === null
      ? 'not tested'
      : c.significant
        ? `significant (${p})`
        : `not significant (${p})`
  return {
    direction,
    arrow: direction === 'up' ? '▲' : direction === 'down' ? '▼' : '→',
    diff,
    significant: c.significant,
    words,
  }
}

/** Axis bounds around every interval end, rounded out to `step`, within [0, max]. */
export function trendBounds(
  rows: readonly SeriesRow[],
  step: number,
  max: number,
): [number, number] {
  const ends = rows.flatMap((r) => [r.low ?? r.score, r.high ?? r.score]).filter((x) => x !== null)
  if (ends.length === 0) return [0, max]
  const lo = Math.min(...ends)
  const hi = Math.max(...ends)
  const pad = Math.max((hi - lo) * 0.15, step / 2)
  return [
    Math.max(0, Math.floor((lo - pad) / step) * step),
    Math.min(max, Math.ceil((hi + pad) / step) * step),
  ]
}

/** The latest change of every attribute (and the index), for the overview table. */
export function latestChanges(data: TrendData): Map<string, TrendChange> {
  const shown = data.points.filter((p) => !p.suppressed && p.n !== null)
  const last = shown[shown.length - 1]
  const out = new Map<string, TrendChange>()
  if (!last) return out
  for (const c of data.changes) if (c.toWave === last.waveId) out.set(c.key, c)
  return out
}
