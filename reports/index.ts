// Public surface of the CSI statistics engine: pure functions over plain data (METHODOLOGY.md).
// Responses fold into integer sufficient statistics (aggregate.ts; cell scheme in layout.ts,
// stored in blocks of BLOCK_WIDTH cells, cells.ts); reports are computed from those aggregates
// only, so the raw path and the stored-blocks path give identical numbers.
// Report JSON is not rounded: rounding belongs to the presentation layer.
export * from './types'
export type * from './report-types'
export {
  emptyAggregate,
  foldResponse,
  foldResponses,
  mergeAggregates,
  type Aggregate,
  type GroupAggregate,
} from './aggregate'
export {
  blockEncoder,
  aggregateBlockDeltas,
  aggregateBlocks,
  aggregatesFromBlocks,
  sumBlocks,
  aggregateCells,
  aggregatesFromCells,
  type CellBlock,
  type CellRow,
} from './cells'
export { BLOCK_WIDTH, groupKey, parseGroupKey } from './layout'
export {
  ratingCode,
  decodeRatingCode,
  emptyCodeFold,
  foldRatingCodes,
  aggregateFromCodeFold,
  type CodeFold,
} from './rating-codes'
export { reportFromAggregates, reportFromResponses, specFromResponses } from './report'
export { resolveOptions } from './options'
export {
  toScore10,
  ratioToScore10,
  score10Slope,
  toIndex100,
  band,
  itemFlags,
  defaultCutOffs,
} from './scale'
export {
  meanCi,
  momentsFromCounts,
  variance,
  mean,
  type Moments,
  type MeanCi,
} from './descriptives'
export { Z975, tCritical, tTwoSidedP, normalTwoSidedP, hedgesJ } from './distributions'
export {
  wilson,
  netScore,
  topTwoBox,
  netSatisfaction,
  type Proportion,
  type NetScore,
} from './proportions'
export {
  aaporRates,
  groupResponseRate,
  type Dispositions,
  type AaporRates,
  type GroupResponseRate,
} from './response-rates'
export { cronbachAlpha, pearsonFromCentred } from './reliability'
export {
  lmg,
  relativeWeights,
  derivedImportance,
  greenMinimum,
  type DerivedImportance,
} from './importance'
export { ipaQuadrants, type IpaResult, type ImportanceSource } from './ipa'
export {
  welch,
  welchFromMoments,
  hedgesG,
  mannWhitney,
  cliffsDelta,
  meanGap,
  magnitudeG,
  magnitudeDelta,
} from './gap-tests'
export {
  perceptionGaps,
  gapVerdict,
  defaultGapThresholds,
  type GapRow,
  type GapInput,
} from './gaps'
export { holm, benjaminiHochberg, adjustP } from './padjust'
export {
  complementarySuppression,
  checkMinGroup,
  cellVisible,
  commentsVisible,
  defaultMinGroup,
  defaultMinComments,
  MIN_GROUP_FLOOR,
} from './anonymity'
export { answerCounts, releaseBlockers } from './release'
export {
  attitudeTable,
  type AttitudeCounts,
  type AttitudeGroup,
  type AttitudeRow,
} from './attitude'
export { jacobiEigen, subsetR2 } from './linalg'
export { trend, type Trend, type TrendPoint, type TrendChange, type TrendValue } from './trend'
export {
  periodTrend,
  type PeriodTrend,
  type PeriodPoint,
  type PeriodChange,
} from './period-trend'
export {
  reportingPeriods,
  periodKey,
  periodLabel,
  periodRange,
  periodsBetween,
  type ReportingPeriod,
} from './periods'
export { followUp, type FollowUp } from './follow-up'
export {
  computeWeights,
  trimWeights,
  defaultWeighting,
  WeightingError,
  type Population,
  type Weights,
  type WeightingSettings,
  type WeightingUnit,
} from './weighting'
export { weightedMean, type WeightedMean } from './weighted-stats'
export {
  weightReport,
  ciMethods,
  type WeightingInfo,
  type WeightedAttributeRow,
  type WeightedGroupReport,
  type WeightedRecord,
} from './weighted-report'
export {
  bandName,
  bandMeaning,
  quadrantName,
  priorityName,
  priorityMeaning,
  priorityOf,
  verdictName,
  type Priority,
} from './words'
