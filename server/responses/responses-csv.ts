import type { Audience, SurveyDefinition } from '../surveys/types'
import { roleNames, surveyRoles } from '../surveys/survey-roles'
import { itemValues, walkQuestions } from '../surveys/json-walk'

// The responses CSV of SPEC §5.3, defined once: `exportResponses` writes it, the response import
// reads it back into SurveyJS answers, and `csi report <file>` reads it into a report.

/**
 * Columns that describe a response rather than answer a question. SPEC §5.3 also names
 * `language`, but responses keep no language: such a column is read as a segment, so it is kept.
 */
export const metadataColumns = ['respondent', 'wave', 'audience', 'mode', 'submitted_at'] as const

export const importanceColumn = (key: string) => roleNames.importancePrefix + key

/** Whether a column holds stated importance (`imp_<key>`), in any letter case. */
export const isImportanceColumn = (name: string) =>
  fold(name).startsWith(roleNames.importancePrefix)

/** The column of one matrix row: attribute rows by their key, `imp_<key>`, else `matrix.row`. */
export function matrixRowColumn(matrix: string, row: string) {
  if (matrix === roleNames.attributes) return row
  if (matrix === roleNames.importance) return importanceColumn(row)
  return `${matrix}.${row}`
}

/** The rating columns a survey definition names (SPEC §3 roles). */
export interface SurveyColumns {
  readonly audience: Audience | null
  readonly overall: string | null
  readonly rebuy: string | null
  /** Attribute keys, which are their column names. */
  readonly attributes: readonly string[]
  /** Attribute keys with stated importance, in columns `imp_<key>`. */
  readonly importance: readonly string[]
}

export function surveyColumns(definition: SurveyDefinition): SurveyColumns {
  const roles = surveyRoles(definition)
  return { ...roles, attributes: roles.attributes.map((a) => a.key) }
}

/** Flattens SurveyJS answers to cells named by {@link matrixRowColumn}; arrays are joined. */
export function flattenAnswers(answers: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(answers)) {
    if (value === null || value === undefined) continue
    if (Array.isArray(value)) out[name] = value.map(String).join('; ')
    else if (typeof value === 'object') {
      for (const [row, cell] of Object.entries(value as Record<string, unknown>)) {
        out[matrixRowColumn(name, row)] =
          typeof cell === 'number'
            ? cell
            : typeof cell === 'object'
              ? JSON.stringify(cell)
              : String(cell)
      }
    } else out[name] = typeof value === 'number' ? value : String(value)
  }
  return out
}

const NO_ANSWER = new Set(['html', 'image', 'expression'])
const ROLE_MATRICES = new Set<string>([roleNames.attributes, roleNames.importance])

/**
 * The export's header for one survey version and a row builder: metadata, then overall, rebuy,
 * attribute keys and `imp_<key>`, then segments, then every other answer in survey order (other
 * matrices one column per row).
 */
export function responseColumns(definition: SurveyDefinition) {
  const roles = surveyColumns(definition)
  const segments = surveyRoles(definition).segments
  const rated = [
    ...(roles.overall ? [roles.overall] : []),
    ...(roles.rebuy ? [roles.rebuy] : []),
    ...roles.attributes,
    ...roles.importance.map(importanceColumn),
  ]
  const taken = new Set<string>([...metadataColumns, ...rated, ...segments])
  const others = walkQuestions(definition)
    .filter((q) => !NO_ANSWER.has(q.type) && !ROLE_MATRICES.has(q.name))
    .flatMap((q) =>
      q.type === 'matrix'
        ? itemValues(q.json.rows).map((r) => matrixRowColumn(q.dataKey, String(r.value)))
        : [q.dataKey],
    )
    .filter((name) => !taken.has(name))
  const header = [...metadataColumns, ...rated, ...segments, ...new Set(others)]
  return {
    header,
    row: (values: Record<string, string | number>) => header.map((h) => values[h] ?? ''),
  }
}

// Column names match ignoring letter case: `Overall` is `overall`, as people type headers.
const fold = (name: string) => name.toLowerCase()

/** What a name found among known names: one of them, or several that differ only in case. */
export type NameMatch<T> = { found: T } | { ambiguous: readonly string[] } | null

/** Looks names up among `known`: the exact name first, else the one equal ignoring case. */
export function nameLookup<T>(known: Iterable<readonly [string, T]>) {
  const exact = new Map<string, T>()
  const folded = new Map<string, string[]>()
  for (const [name, value] of known) {
    if (exact.has(name)) continue
    exact.set(name, value)
    folded.set(fold(name), [...(folded.get(fold(name)) ?? []), name])
  }
  return (name: string): NameMatch<T> => {
    if (exact.has(name)) return { found: exact.get(name)! }
    const near = folded.get(fold(name)) ?? []
    if (near.length === 1) return { found: exact.get(near[0]!)! }
    return near.length > 1 ? { ambiguous: near } : null
  }
}

/** A name used by more than one column (ignoring case), which refuses the file. */
export interface HeaderClash {
  /** As first written. */
  readonly name: string
  /** E.g. `appears twice in the header`. */
  readonly problem: string
}

export interface ResponsesHeader {
  /** Column names as written, BOM dropped and trimmed; `''` for an unnamed column. */
  readonly names: readonly string[]
  readonly clashes: readonly HeaderClash[]
  /** Columns whose name an earlier column has (ignoring case): part of a clash, never read. */
  readonly repeats: ReadonlySet<number>
  /** The column called `name`, ignoring letter case; null when there is none. */
  index(name: string): number | null
}

/**
 * The one reading of a responses CSV header: the BOM dropped, names trimmed and matched ignoring
 * letter case. Two columns whose names differ only in case (or not at all) are a clash: the
 * reader cannot tell which one is meant.
 */
export function responsesHeader(cells: readonly string[]): ResponsesHeader {
  const names = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim())
  const spellings = new Map<string, string[]>()
  const repeats = new Set<number>()
  names.forEach((name, i) => {
    if (name === '') return
    const seen = spellings.get(fold(name))
    if (seen) repeats.add(i)
    spellings.set(fold(name), [...(seen ?? []), name])
  })
  const clashes = [...spellings.values()]
    .filter((s) => s.length > 1)
    .map((s) => ({ name: s[0]!, problem: clashProblem(s) }))
  const lookup = nameLookup(names.flatMap((n, i) => (n === '' ? [] : [[n, i] as const])))
  return {
    names,
    clashes,
    repeats,
    index(name) {
      const match = lookup(name)
      return match && 'found' in match ? match.found : null
    },
  }
}

function clashProblem(spellings: readonly string[]) {
  const times = spellings.length === 2 ? 'twice' : `${spellings.length} times`
  if (spellings.every((s) => s === spellings[0])) return `appears ${times} in the header`
  const list = spellings.map((s) => `"${s}"`).join(', ')
  return `appears ${times} in the header (${list}: names ignore letter case)`
}
