import type { Audience, CsiDefinition } from '../../../reports'
import { surveyRoles, type SurveyDefinition } from '../../surveys'
import { ReportInputError } from './errors'
import type { ReportRequest } from './options'

/** Columns of SPEC §5.3 that are neither ratings nor segments. */
export const reservedColumns = ['respondent', 'wave', 'mode', 'submitted_at'] as const
const IMPORTANCE_PREFIX = 'imp_'
/** Share of non-empty sample values that must be numbers for a column to count as a rating. */
const NUMERIC_SHARE = 0.8

/** What a survey definition says about the columns (its roles, SPEC §3). */
export interface SurveyColumns {
  readonly audience: Audience | null
  readonly overall: string | null
  readonly rebuy: string | null
  readonly attributes: readonly string[]
  readonly importance: readonly string[]
}

export function surveyColumns(definition: SurveyDefinition): SurveyColumns {
  const roles = surveyRoles(definition)
  const attributes = roles.attributes.map((a) => a.key)
  return { ...roles, attributes }
}

export interface Column {
  readonly name: string
  readonly index: number
}

/** Which column plays which role, decided from the header (and a sample of rows). */
export interface ColumnPlan {
  readonly header: readonly string[]
  /** The `audience` column, or the audience of every row. */
  readonly audience: Column | { readonly fixed: Audience }
  /** With an audience column, `--audience` keeps only that audience's rows. */
  readonly keepAudience: Audience | null
  readonly overall: Column | null
  readonly rebuy: Column | null
  readonly attributes: readonly Column[]
  readonly attributesFrom: 'option' | 'survey' | 'detected'
  /** Stated importance `imp_<key>` of an attribute; `name` is the attribute key. */
  readonly importance: readonly Column[]
  readonly by: readonly Column[]
  /** Other columns: segment dimensions, usable with --by. */
  readonly segments: readonly string[]
  readonly ignored: readonly string[]
  /** The CSI definition asked for, or the best the columns allow. */
  readonly csi: CsiDefinition
}

/** Identifier columns (`id`, `customer_id`, `CustomerID`) are never ratings or segments. */
const isIdentifier = (name: string) => /(^|[_ -])id$/i.test(name) || /[a-z]I[Dd]$/.test(name)
const isNumber = (v: string) => /^[-+]?(\d+\.?\d*|\.\d+)$/.test(v)

function mostlyNumbers(index: number, sample: readonly string[][], na: Set<string>) {
  let filled = 0
  let numbers = 0
  for (const row of sample) {
    const v = (row[index] ?? '').trim()
    if (v === '' || na.has(v)) continue
    filled++
    if (isNumber(v)) numbers++
  }
  return filled > 0 && numbers >= NUMERIC_SHARE * filled
}

function defaultCsi(overall: Column | null, rebuy: Column | null): CsiDefinition {
  return overall && rebuy ? 'overall-rebuy' : overall ? 'overall' : 'attributes'
}

/**
 * Decides the role of every column (SPEC §5.2, §5.3): `audience`; overall and rebuy (options,
 * survey roles, or columns of those names); attributes from --attributes, else the survey's keys,
 * else every other column whose sample values are mostly numbers; `imp_<key>` as importance;
 * the rest are segments. Throws a {@link ReportInputError} naming the option at fault.
 */
export function resolveColumns(
  header: readonly string[],
  sample: readonly string[][],
  req: ReportRequest,
  survey: SurveyColumns | null,
): ColumnPlan {
  const index = new Map<string, number>()
  header.forEach((name, i) => name !== '' && index.set(name, i))
  const col = (name: string): Column | null =>
    index.has(name) ? { name, index: index.get(name)! } : null
  const find = (option: string, name: string): Column => {
    const c = col(name)
    if (c) return c
    const near = [...index.keys()].find((k) => k.toLowerCase() === name.toLowerCase())
    const hint = near ? ` (did you mean "${near}"?)` : ''
    throw new ReportInputError(`${option}: the file has no column "${name}"${hint}`)
  }
  const audienceCol = col('audience')
  const fixed = req.audience ?? survey?.audience ?? null
  if (!audienceCol && fixed === null) {
    throw new ReportInputError(
      '--audience: the file has no "audience" column; pass --audience customer|wholesaler|retailer|employee',
    )
  }
  const role = (option: string, given: string | null, fromSurvey: string | null | undefined) =>
    given !== null ? find(option, given) : col(fromSurvey ?? option.slice(2))
  const overall = role('--overall', req.overall, survey?.overall)
  const rebuy = role('--rebuy', req.rebuy, survey?.rebuy)
  const taken = new Set(['audience', ...reservedColumns, overall?.name, rebuy?.name])
  const attributesFrom = req.attributes ? 'option' : survey ? 'survey' : 'detected'
  let attributes: Column[]
  if (req.attributes) {
    attributes = req.attributes.map((name) => find('--attributes', name))
    const clash = attributes.find((a) => taken.has(a.name))
    if (clash) {
      throw new ReportInputError(
        `--attributes: "${clash.name}" is the audience, overall or rebuy column`,
      )
    }
  } else if (survey) {
    attributes = survey.attributes.flatMap((key) => col(key) ?? [])
    if (attributes.length === 0 && survey.attributes.length > 0) {
      throw new ReportInputError(
        `--survey: none of its attribute keys (${survey.attributes.join(', ')}) is a column of the file`,
      )
    }
  } else {
    const na = new Set(req.na)
    attributes = [...index]
      .filter(
        ([name]) => !taken.has(name) && !isIdentifier(name) && !name.startsWith(IMPORTANCE_PREFIX),
      )
      .filter(([, i]) => mostlyNumbers(i, sample, na))
      .map(([name, i]) => ({ name, index: i }))
  }
  const importance = attributes.flatMap((a) => {
    const c = col(IMPORTANCE_PREFIX + a.name)
    return c ? [{ name: a.name, index: c.index }] : []
  })
  if (!overall && !rebuy && attributes.length === 0) {
    throw new ReportInputError(
      'no rating columns found: name them with --overall, --rebuy and --attributes (or --survey)',
    )
  }
  const ratings = new Set([
    ...[overall, rebuy, ...attributes].flatMap((c) => (c ? [c.name] : [])),
    ...importance.map((c) => header[c.index]),
  ])
  const by = req.by.map((name) => {
    const c = find('--by', name)
    if (ratings.has(name))
      throw new ReportInputError(`--by: "${name}" is a rating column, not a segment`)
    if (taken.has(name)) throw new ReportInputError(`--by: "${name}" cannot be a segment`)
    return c
  })
  const unused = (n: string) =>
    (reservedColumns as readonly string[]).includes(n) || isIdentifier(n)
  const segments = [...index.keys()].filter((n) => !taken.has(n) && !ratings.has(n) && !unused(n))
  const ignored = header.flatMap((n, i) =>
    n === '' ? [`(unnamed column ${i + 1})`] : unused(n) && !ratings.has(n) ? [n] : [],
  )
  const csi = req.report.csi ?? defaultCsi(overall, rebuy)
  if ((csi === 'overall' || csi === 'overall-rebuy') && !overall) {
    throw new ReportInputError(
      `--csi ${csi}: the file has no overall column (name it with --overall)`,
    )
  }
  if (csi === 'overall-rebuy' && !rebuy) {
    throw new ReportInputError(
      '--csi overall-rebuy: the file has no rebuy column (name it with --rebuy)',
    )
  }
  if ((csi === 'attributes' || csi === 'weighted') && attributes.length === 0) {
    throw new ReportInputError(`--csi ${csi}: the file has no attribute columns`)
  }
  return {
    header,
    audience: audienceCol ?? { fixed: fixed! },
    keepAudience: audienceCol ? req.audience : null,
    ...{ overall, rebuy, attributes, attributesFrom, importance, by, segments, ignored, csi },
  }
}
