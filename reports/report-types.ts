import type { GapRow } from './gaps'
import type { Priority } from './words'
import type { NetScore, Proportion } from './proportions'
import type { GroupResponseRate } from './response-rates'
import type {
  Audience,
  Band,
  Crosshair,
  CsiDefinition,
  Flag,
  Quadrant,
  ResolvedOptions,
  ScaleMapping,
  Segment,
} from './types'

/**
 * Statistics of one 1–5 item (or the CSI-2 score) in one group. Means and CI on 1–5; `score10*`
 * on /10 under the report's mapping. Not rounded: full float64, rounding is for display only.
 */
export interface ItemSummary {
  readonly n: number | null
  /** Respondents of the group who left the item missing. */
  readonly missing: number | null
  readonly mean: number | null
  readonly sd: number | null
  readonly ciLow: number | null
  readonly ciHigh: number | null
  readonly score10: number | null
  readonly score10Low: number | null
  readonly score10High: number | null
  readonly band: Band | null
  readonly flags: Flag[]
  readonly t2b: Proportion | null
  readonly net: NetScore | null
  readonly suppressed: boolean
  readonly reason: string | null
}

export interface AttributeImportance {
  /** Pearson r with overall over the listwise-complete cases. */
  readonly r: number | null
  /** LMG φ / R² (or RW ε / R²); null below the sample-size gate. */
  readonly share: number | null
  readonly phi: number | null
  /** Mean stated importance (1–5) and its n, when asked. */
  readonly stated: number | null
  readonly statedN: number
}

export interface AttributeRow extends ItemSummary {
  readonly key: string
  readonly importance: AttributeImportance
  readonly quadrant: Quadrant | null
  /** What to do: the quadrant read with the band (reports/words.ts), null without a quadrant. */
  readonly priority: Priority | null
}

export interface CsiResult {
  readonly definition: CsiDefinition
  readonly n: number | null
  readonly mean: number | null
  readonly sd: number | null
  readonly ciLow: number | null
  readonly ciHigh: number | null
  readonly score10: number | null
  readonly score10Low: number | null
  readonly score10High: number | null
  readonly index100: number | null
  readonly band: Band | null
  readonly flags: Flag[]
  /** Cronbach α: of (overall, rebuy) for overall-rebuy, of the attribute battery for the others. */
  readonly alpha: number | null
  /** Pearson r of overall and rebuy (overall-rebuy only). */
  readonly r: number | null
  /** Respondents who answered only one of overall / rebuy (excluded from CSI-2). */
  readonly nPartial: number | null
  readonly components: { readonly overall: ItemSummary; readonly rebuy: ItemSummary } | null
  /** Normalised attribute weights (weighted only) and where they came from. */
  readonly weights: Readonly<Record<string, number>> | null
  readonly weightsSource: 'lmg' | 'rw' | 'stated' | 'correlation' | null
  readonly suppressed: boolean
  readonly reason: string | null
  readonly warnings: string[]
}

export interface ImportanceModel {
  readonly dv: 'overall'
  /** Listwise-complete cases (overall and every attribute of the audience). */
  readonly n: number
  readonly k: number
  readonly required: number
  readonly gatePassed: boolean
  readonly method: 'lmg' | 'rw' | null
  readonly r2: number | null
  /** Cronbach α of the attribute battery over the respondents who rated every attribute. */
  readonly alpha: number | null
  /** Those respondents (overall not required; METHODOLOGY §6.5). */
  readonly alphaN: number | null
  readonly crosshair: {
    readonly type: Crosshair
    readonly source: 'share' | 'stated' | 'r' | null
    readonly importance: number | null
    readonly performance: number | null
  }
  readonly reason: string | null
}

export interface GroupReport {
  readonly audience: Audience
  readonly segment: Segment | null
  readonly n: number
  readonly suppressed: false
  readonly responseRate: GroupResponseRate | null
  readonly csi: CsiResult
  readonly overall: ItemSummary
  readonly rebuy: ItemSummary
  readonly attributes: AttributeRow[]
  readonly importanceModel: ImportanceModel
  readonly warnings: string[]
}

export interface SuppressedGroup {
  readonly audience: Audience
  readonly segment: Segment | null
  readonly suppressed: true
  readonly reason: string
}

export interface Report {
  readonly scale: { readonly min: 1; readonly max: 5; readonly mapping: ScaleMapping }
  readonly csiDefinition: CsiDefinition
  readonly config: ResolvedOptions
  readonly groups: (GroupReport | SuppressedGroup)[]
  readonly gaps: GapRow[]
  readonly warnings: string[]
}
