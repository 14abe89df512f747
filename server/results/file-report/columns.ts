import type { Audience, CsiDefinition } from '../../../reports'
import {
  isImportanceColumn,
  importanceColumn,
  metadataColumns,
  type ResponsesHeader,
  type SurveyColumns,
} from '../../responses/responses-csv'
import { ReportInputError } from './errors'
import type { ReportRequest } from './options'

/** Share of non-empty sample values that must be numbers for a column to count as a rating. */
const NUMERIC_SHARE = 0.8

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
  /** Columns of the population file's weighting variables (`--weights`). */
  readonly weightBy: readonly Column[]
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
 * Decides the role of every column (SPEC §5.2, §5.3), names matched ignoring letter case:
 * `audience`; overall and rebuy (options, survey roles, or columns of those names); attributes
 * from --attributes, else the survey's keys, else every other column whose sample values are
 * mostly numbers; `imp_<key>` as importance; the rest are segments. Throws a
 * {@link ReportInputError} naming the option at fault.
 */
export function resolveColumns(
  header: ResponsesHeader,
  sample: readonly string[][],
  req: ReportRequest,
  survey: SurveyColumns | null,
): ColumnPlan {
  const { names } = header
  const col = (name: string): Column | null => {
    const index = header.index(name)
    return index === null ? null : { name: names[index]!, index }
  }
  const find = (option: string, name: string): Column => {
    const c = col(name)
    if (c) return c
    throw new ReportInputError(`${option}: the file has no column "${name}"`)
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
  const metadata = new Set(metadataColumns.flatMap((m) => col(m)?.index ?? []))
  const taken = new Set([...metadata, ...[overall, rebuy].flatMap((c) => c?.index ?? [])])
  const attributesFrom = req.attributes ? 'option' : survey ? 'survey' : 'detected'
  let attributes: Column[]
  if (req.attributes) {
    attributes = req.attributes.map((name) => find('--attributes', name))
    const clash = attributes.find((a) => taken.has(a.index))
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
    attributes = names
      .map((name, index) => ({ name, index }))
      .filter(
        ({ name, index }) =>
          name !== '' && !taken.has(index) && !isIdentifier(name) && !isImportanceColumn(name),
      )
      .filter(({ index }) => mostlyNumbers(index, sample, na))
  }
  const importance = attributes.flatMap((a) => {
    const c = col(importanceColumn(a.name))
    return c ? [{ name: a.name, index: c.index }] : []
  })
  if (!overall && !rebuy && attributes.length === 0) {
    throw new ReportInputError(
      'no rating columns found: name them with --overall, --rebuy and --attributes (or --survey)',
    )
  }
  const ratings = new Set(
    [overall, rebuy, ...attributes, ...importance].flatMap((c) => (c ? [c.index] : [])),
  )
  const by = req.by.map((name) => {
    const c = find('--by', name)
    if (ratings.has(c.index))
      throw new ReportInputError(`--by: "${name}" is a rating column, not a segment`)
    if (taken.has(c.index)) throw new ReportInputError(`--by: "${name}" cannot be a segment`)
    return c
  })
  const weightBy = (req.weighting?.population.variables ?? []).map((name) => {
    const c = col(name)
    if (!c) throw new ReportInputError(`--weights: the responses have no column "${name}"`)
    if (ratings.has(c.index) || taken.has(c.index))
      throw new ReportInputError(`--weights: "${name}" is a rating column, not a segment`)
    return c
  })
  const audienceAt = audienceCol?.index
  // An empty column (e.g. a rating nobody answered in the rows read) says nothing about a
  // segment: it is not offered as one unless --by names it.
  const named = new Set(by.map((c) => c.index))
  const naCodes = new Set(req.na)
  const blank = (v: string) => v.trim() === '' || naCodes.has(v.trim())
  const empty = (i: number) => sample.length > 0 && sample.every((row) => blank(row[i] ?? ''))
  const unused = (n: string, i: number) =>
    (metadata.has(i) && i !== audienceAt) || isIdentifier(n) || (!named.has(i) && empty(i))
  const segments = names.filter(
    (n, i) => n !== '' && !taken.has(i) && !ratings.has(i) && !unused(n, i),
  )
  const ignored = names.flatMap((n, i) =>
    n === '' ? [`(unnamed column ${i + 1})`] : unused(n, i) && !ratings.has(i) ? [n] : [],
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
    header: names,
    audience: audienceCol ?? { fixed: fixed! },
    keepAudience: audienceCol ? req.audience : null,
    ...{ overall, rebuy, attributes, attributesFrom, importance, by, segments, ignored, csi },
    weightBy,
  }
}
