import type {
  Audience,
  AttributeSort,
  CsiDefinition,
  Population,
  ReportOptions,
  ScaleMapping,
  WeightingSettings,
} from '../../../reports'
import { audiences } from '../../../reports'
import { ReportInputError } from './errors'

export const formats = ['md', 'csv', 'json'] as const
export type ReportFormat = (typeof formats)[number]
const csiDefinitions = ['overall', 'overall-rebuy', 'attributes', 'weighted'] as const
const scales = ['linear', 'proportional', 'anchored10'] as const
const sorts = ['mean', 'importance'] as const

/** Report options as typed on the command line (or a query string): strings only. */
export interface RawReportOptions {
  format?: string
  csi?: string
  scale?: string
  by?: string[]
  compare?: string
  na?: string[]
  minGroup?: string
  audience?: string
  overall?: string
  rebuy?: string
  attributes?: string[]
  sort?: string
  bands?: string
  /** Weights above this × the median weight are trimmed (default 5). */
  trimWeights?: string
}

/** Checked options: what to compute (`report`) and how to read the file (the rest). */
export interface ReportRequest {
  readonly format: ReportFormat
  readonly report: ReportOptions
  readonly by: readonly string[]
  /** Cell values that mean "not applicable" (compared after trimming). */
  readonly na: readonly string[]
  readonly audience: Audience | null
  readonly overall: string | null
  readonly rebuy: string | null
  readonly attributes: readonly string[] | null
  /** `--weights`: the population to weight to, and the trimming setting (null = unweighted). */
  readonly weighting: {
    readonly population: Population
    readonly settings: Partial<WeightingSettings>
  } | null
  /** `--trim-weights` as given, applied once a population is given. */
  readonly trimAt: number | undefined
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]) {
  if (value === undefined) return undefined
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new ReportInputError(`${option}: "${value}" is not one of ${allowed.join(', ')}`)
}

/** Splits repeated and comma-separated values, trims them and drops empty ones. */
export function listOf(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

function minGroupOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const k = Number(value.trim())
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(k) || k < 3) {
    throw new ReportInputError(`--min-group: "${value}" must be a whole number of at least 3`)
  }
  return k
}

/**
 * Two band cut-offs on /10 (0–10, at most one decimal) as typed: `7.5,6.5`. Either order is
 * read, the higher being strength: SPEC §5.2 writes `<low>,<high>` (`7,8`), others write the
 * strength first, and two different cut-offs can mean only one thing. Null when malformed.
 */
export function cutOffPair(value: string): { strength: number; adequate: number } | null {
  const parts = value.split(',').map((p) => p.trim())
  if (parts.length !== 2 || !parts.every((p) => /^(10(\.0)?|\d(\.\d)?)$/.test(p))) return null
  const [a, b] = parts.map(Number) as [number, number]
  if (a === b) return null
  return { strength: Math.max(a, b), adequate: Math.min(a, b) }
}

export const cutOffPairRule =
  'two different scores from 0 to 10 with at most one decimal, e.g. 8,7 (the higher is strength)'

function bandsOf(value: string | undefined): ReportOptions['cutOffs'] {
  if (value === undefined) return undefined
  const pair = cutOffPair(value)
  if (!pair) throw new ReportInputError(`--bands: "${value}" must be ${cutOffPairRule}`)
  return pair
}

function compareOf(value: string | undefined): ReportOptions['compare'] {
  if (value === undefined) return undefined
  const parts = value.split(':').map((p) => p.trim())
  const known = (p: string): p is Audience => (audiences as readonly string[]).includes(p)
  if (parts.length !== 2 || !known(parts[0]!) || !known(parts[1]!)) {
    throw new ReportInputError(
      `--compare: "${value}" must be <audienceA>:<audienceB> with audiences ${audiences.join(', ')}`,
    )
  }
  if (parts[0] === parts[1]) {
    throw new ReportInputError(`--compare: "${value}" compares an audience with itself`)
  }
  return [[parts[0], parts[1]]]
}

function columnOf(option: string, value: string | undefined): string | null {
  if (value === undefined) return null
  if (value.trim() === '') throw new ReportInputError(`${option}: the column name is empty`)
  return value.trim()
}

/**
 * Checks the report options of SPEC §5.2 and fills the CLI defaults: format `md`, attribute
 * table sorted by mean. Throws a {@link ReportInputError} naming the first bad option.
 */
export function parseReportOptions(raw: RawReportOptions): ReportRequest {
  const by = listOf(raw.by)
  const attributes = raw.attributes === undefined ? null : listOf(raw.attributes)
  if (attributes !== null && attributes.length === 0) {
    throw new ReportInputError('--attributes: no column names given')
  }
  const dup = attributes?.find((a, i) => attributes.indexOf(a) !== i)
  if (dup !== undefined) throw new ReportInputError(`--attributes: "${dup}" is named twice`)
  const na = listOf(raw.na)
  if (raw.na !== undefined && na.length === 0) {
    throw new ReportInputError('--na: no codes given (e.g. --na 0 or --na NA,-99)')
  }
  let report: ReportOptions = {
    csi: oneOf('--csi', raw.csi, csiDefinitions) as CsiDefinition | undefined,
    scale: oneOf('--scale', raw.scale, scales) as ScaleMapping | undefined,
    sort: (oneOf('--sort', raw.sort, sorts) ?? 'mean') as AttributeSort,
    minGroup: minGroupOf(raw.minGroup),
    compare: compareOf(raw.compare),
    by,
  }
  const cutOffs = bandsOf(raw.bands)
  if (cutOffs) report = { ...report, cutOffs }
  return {
    format: oneOf('--format', raw.format, formats) ?? 'md',
    report,
    by,
    na,
    audience: oneOf('--audience', raw.audience?.trim().toLowerCase(), audiences) ?? null,
    overall: columnOf('--overall', raw.overall),
    rebuy: columnOf('--rebuy', raw.rebuy),
    attributes,
    weighting: null,
    trimAt: trimOf(raw.trimWeights),
  }
}

function trimOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const x = Number(value.trim())
  if (value.trim() === '' || !Number.isFinite(x) || x <= 1) {
    throw new ReportInputError(`--trim-weights: "${value}" must be a number above 1 (default 5)`)
  }
  return x
}

/**
 * The request with a population to weight to (`--weights`): its variables must be columns of
 * the responses (checked when the columns are resolved); weighting by audience is not offered.
 */
export function withWeights(req: ReportRequest, population: Population): ReportRequest {
  if (population.variables.some((v) => v.toLowerCase() === 'audience')) {
    throw new ReportInputError(
      '--weights: weighting by audience is not supported; weight each audience by its segment columns',
    )
  }
  const settings = req.trimAt === undefined ? {} : { trimAt: req.trimAt }
  return { ...req, weighting: { population, settings } }
}
