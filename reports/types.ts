/** The four audiences of SPEC §2, in report order. */
export const audiences = ['customer', 'wholesaler', 'retailer', 'employee'] as const
export type Audience = (typeof audiences)[number]

/**
 * One validated response as reports/ consumes it. Ratings are integers 1–5; `null` (or an absent
 * key) is "missing / not applicable" and is never scored (METHODOLOGY §0, §6.6). Segment values
 * that are `null` or `''` put the response in no breakout of that column.
 */
export interface ResponseRecord {
  readonly audience: Audience
  readonly overall: number | null
  readonly rebuy: number | null
  readonly attributes: Readonly<Record<string, number | null>>
  readonly importance?: Readonly<Record<string, number | null>>
  readonly segments: Readonly<Record<string, string | null>>
}

/** Which attributes each audience's questionnaire asks, and which segment columns form groups. */
export interface AggregateSpec {
  /** Attribute keys per audience, in questionnaire order. Defines the complete-case block. */
  readonly attributes: Readonly<Partial<Record<Audience, readonly string[]>>>
  /** Segment columns that get their own groups; absent = every column a response carries. */
  readonly segments?: readonly string[]
  /**
   * Keep the complete-case block (importance, α) for segment groups too (default true). False
   * cuts the cells a response adds per segment group from ~(k+1)(k+2)/2 + 3k to ~k + 5.
   */
  readonly segmentMultivariate?: boolean
}

export type ScaleMapping = 'linear' | 'proportional' | 'anchored10'
export type CsiDefinition = 'overall' | 'overall-rebuy' | 'attributes' | 'weighted'
export type Band = 'strength' | 'adequate' | 'concern'
export type Flag = 'bandUncertain' | 'lowBase' | 'insufficientPrecision' | 'highMissing'
export type Quadrant = 'concentrate-here' | 'keep-up' | 'low-priority' | 'possible-overkill'
export type Verdict =
  'dangerous' | 'watch' | 'pessimistic' | 'none' | 'descriptive-only' | 'suppressed'
export type PAdjustMethod = 'holm' | 'bh'
export type Crosshair = 'grand-mean' | 'scale-midpoint'
export type AttributeSort = 'none' | 'mean' | 'importance'
export type ImportanceMethod = 'auto' | 'lmg' | 'rw'

/** Band cut-offs on the /10 score (METHODOLOGY §3). */
export interface CutOffs {
  readonly strength: number
  readonly adequate: number
}

/** Gap verdict thresholds (METHODOLOGY §5.2 decision rule). */
export interface GapThresholds {
  /** DANGEROUS needs Δ ≥ +minGap (scale points, 1–5). */
  readonly minGap: number
  /** PESSIMISTIC needs Δ ≤ −pessimisticGap. */
  readonly pessimisticGap: number
  /** Significance level for raw and adjusted p. */
  readonly alpha: number
  /** Hedges g needed for DANGEROUS, and sufficient (with Δ > 0) for WATCH. */
  readonly minG: number
}

export interface Segment {
  readonly column: string
  readonly value: string
}

/** Invitations and responses of one group, passed in by the caller (waves only). */
export interface ResponseRateInput {
  readonly audience: Audience
  readonly segment: Segment | null
  readonly invited: number
  readonly responded: number
  readonly partial?: number
  readonly optedOut?: number
  readonly bounced?: number
}

export interface ReportOptions {
  readonly csi?: CsiDefinition
  readonly scale?: ScaleMapping
  readonly cutOffs?: Partial<CutOffs>
  /** Attribute keys in display order; absent = each audience's keys from the spec. */
  readonly attributes?: readonly string[]
  /** Segment columns to break out; default none. */
  readonly by?: readonly string[]
  /** Audience pairs [A, B], gap = A − B; default [['employee', 'customer']] when both exist. */
  readonly compare?: ReadonlyArray<readonly [Audience, Audience]>
  /** Anonymity threshold k for anonymous audiences; default 5, never below 3. */
  readonly minGroup?: number
  /** Audiences under the anonymity rules of METHODOLOGY §7; default ['employee']. */
  readonly anonymousAudiences?: readonly Audience[]
  readonly gapThresholds?: Partial<GapThresholds>
  readonly pAdjust?: PAdjustMethod
  readonly sort?: AttributeSort
  readonly crosshair?: Crosshair
  readonly importanceMethod?: ImportanceMethod
  /** Apply Green's N ≥ 50 + 8k gate to derived importance (default true). */
  readonly importanceGate?: boolean
  /** Minimum Cronbach α to publish a composite CSI (default 0.60). */
  readonly alphaMin?: number
  /** `lowBase` flag below this n (default 30). */
  readonly lowBase?: number
  /** `insufficientPrecision` flag above this CI half-width on /10 (default 1.0). */
  readonly maxHalfWidth?: number
  /** `highMissing` flag above this share of missing answers (default 0.20). */
  readonly maxMissingShare?: number
  readonly responseRates?: readonly ResponseRateInput[]
}

/** Every option with its default filled in; echoed in the report as `config`. */
export interface ResolvedOptions {
  readonly csi: CsiDefinition
  readonly scale: ScaleMapping
  readonly cutOffs: CutOffs
  readonly attributes: readonly string[] | null
  readonly by: readonly string[]
  readonly compare: ReadonlyArray<readonly [Audience, Audience]> | null
  readonly minGroup: number
  readonly minComments: number
  readonly anonymousAudiences: readonly Audience[]
  readonly gapThresholds: GapThresholds
  readonly pAdjust: PAdjustMethod
  readonly sort: AttributeSort
  readonly crosshair: Crosshair
  readonly importanceMethod: ImportanceMethod
  readonly importanceGate: boolean
  readonly alphaMin: number
  readonly lowBase: number
  readonly maxHalfWidth: number
  readonly maxMissingShare: number
}
