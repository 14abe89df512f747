import type { Audience, SurveyDefinition } from '../surveys/types'
import { roleNames, roleQuestions } from '../surveys/role-questions'
import { surveyRoles } from '../surveys/survey-roles'
import { LANGUAGE_SEGMENT, surveyLanguages } from '../surveys/survey-languages'
import type { QuestionNode } from '../surveys/json-walk'
import { itemValues, walkQuestions } from '../surveys/json-walk'

// The responses CSV of SPEC §5.3, defined once: `exportResponses` writes it, the response import
// reads it back into SurveyJS answers, and `csi report <file>` reads it into a report.

/**
 * Columns that describe a response rather than answer a question. SPEC §5.3 also names
 * `language`: a multilingual survey keeps it as a segment (see surveys/response-record.ts), and in
 * any other survey such a column is read as a segment too, so it is kept.
 */
export const metadataColumns = ['respondent', 'wave', 'audience', 'mode', 'submitted_at'] as const

export const importanceColumn = (key: string) => roleNames.importancePrefix + key

/** Whether a column holds stated importance (`imp_<key>`), in any letter case. */
export const isImportanceColumn = (name: string) =>
  name.toLowerCase().startsWith(roleNames.importancePrefix)

/** The column of one matrix row: attribute rows by their key, `imp_<key>`, else `matrix.row`. */
export function matrixRowColumn(matrix: string, row: string) {
  if (matrix === roleNames.attributes) return row
  if (matrix === roleNames.importance) return importanceColumn(row)
  return `${matrix}.${row}`
}

/** The rating columns a survey definition names (SPEC §3 roles). */
export interface SurveyColumns {
  readonly audience: Audience | null
  /** `overall` when the survey has an overall question, whatever its name. */
  readonly overall: string | null
  readonly rebuy: string | null
  /** Attribute keys, which are their column names. */
  readonly attributes: readonly string[]
  /** Attribute keys with stated importance, in columns `imp_<key>`. */
  readonly importance: readonly string[]
}

export function surveyColumns(definition: SurveyDefinition): SurveyColumns {
  const roles = surveyRoles(definition)
  return {
    audience: roles.audience,
    overall: roles.overall === null ? null : roleNames.overall,
    rebuy: roles.rebuy === null ? null : roleNames.rebuy,
    attributes: roles.attributes.map((a) => a.key),
    importance: roles.importance,
  }
}

/**
 * Where the answers of a survey's role questions go in the CSV, by answer key: role columns are
 * named by the role (SPEC §5.3), whatever the question is called, so that a mapped survey's
 * export reads like any other and imports back (response-row-answers.ts reads the same names).
 */
type RoleColumns = {
  scalar: Map<string, string>
  matrix: Map<string, (row: string) => string>
  questions: Set<QuestionNode>
}

const roleColumnsCache = new WeakMap<object, RoleColumns>()

function roleColumns(definition: SurveyDefinition): RoleColumns {
  const cached = roleColumnsCache.get(definition)
  if (cached) return cached
  const roles = roleQuestions(definition)
  const scalar = new Map<string, string>()
  const matrix = new Map<string, (row: string) => string>()
  const questions = new Set<QuestionNode>()
  const rating = (node: QuestionNode | null, column: string) => {
    if (!node || questions.has(node)) return
    questions.add(node)
    if (!scalar.has(node.dataKey)) scalar.set(node.dataKey, column)
  }
  const rows = (node: QuestionNode | null, column: (row: string) => string) => {
    if (!node || questions.has(node)) return
    questions.add(node)
    if (!matrix.has(node.dataKey)) matrix.set(node.dataKey, column)
  }
  rating(roles.overall, roleNames.overall)
  rating(roles.rebuy, roleNames.rebuy)
  for (const a of roles.attributes) {
    if (a.source === 'rating') rating(a.question, a.key)
  }
  for (const m of roles.attributeMatrices) rows(m, (row) => row)
  rows(roles.importanceMatrix, importanceColumn)
  for (const r of roles.importanceRatings) rating(r.question, importanceColumn(r.key))
  const out = { scalar, matrix, questions }
  if (definition && typeof definition === 'object') roleColumnsCache.set(definition, out)
  return out
}

const cellText = (cell: unknown) =>
  typeof cell === 'number' ? cell : typeof cell === 'object' ? JSON.stringify(cell) : String(cell)

/**
 * Flattens SurveyJS answers to CSV cells; arrays are joined. Given the survey definition, role
 * answers go to role columns (`overall`, `rebuy`, attribute keys, `imp_<key>`) and other matrix
 * rows to `matrix.row`; without it, matrix rows are named by {@link matrixRowColumn}.
 */
export function flattenAnswers(
  answers: Record<string, unknown>,
  definition?: SurveyDefinition,
): Record<string, string | number> {
  const roles = definition ? roleColumns(definition) : null
  const out: Record<string, string | number> = {}
  // A role column wins over a question that happens to have its name.
  const byRole: Record<string, string | number> = {}
  // for…in over parsed JSON (own keys only): `csi export` calls this a million times.
  for (const name in answers) {
    if (!Object.hasOwn(answers, name)) continue
    const value = answers[name]
    if (value === null || value === undefined) continue
    if (Array.isArray(value)) out[name] = value.map(String).join('; ')
    else if (typeof value === 'object') {
      const role = roles?.matrix.get(name)
      const cells = value as Record<string, unknown>
      for (const row in cells) {
        if (!Object.hasOwn(cells, row)) continue
        if (role) byRole[role(row)] = cellText(cells[row])
        else out[roles ? `${name}.${row}` : matrixRowColumn(name, row)] = cellText(cells[row])
      }
    } else {
      const role = roles?.scalar.get(name)
      const text = typeof value === 'number' ? value : String(value)
      if (role !== undefined) byRole[role] = text
      else out[name] = text
    }
  }
  return Object.assign(out, byRole)
}

/**
 * The answer cells of {@link flattenAnswers} written straight into a row of `header` columns
 * (undefined where the answers give none): what `csi export` does a million times, without the
 * intermediate objects and column names built per row.
 */
export function answerCellsWriter(definition: SurveyDefinition, header: readonly string[]) {
  const roles = roleColumns(definition)
  const index = new Map(header.map((h, i) => [h, i]))
  const matrixCache = new Map<string, Map<string, number>>()
  const matrixIndex = (name: string, row: string) => {
    let rows = matrixCache.get(name)
    if (!rows) matrixCache.set(name, (rows = new Map()))
    let i = rows.get(row)
    if (i === undefined) {
      const role = roles.matrix.get(name)
      i = index.get(role ? role(row) : `${name}.${row}`) ?? -1
      rows.set(row, i)
    }
    return i
  }
  const scalarIndex = new Map<string, number>()
  const scalarAt = (name: string) => {
    let i = scalarIndex.get(name)
    if (i === undefined)
      scalarIndex.set(name, (i = index.get(roles.scalar.get(name) ?? name) ?? -1))
    return i
  }
  const byRole = new Array<boolean>(header.length)
  return (answers: Record<string, unknown>, cells: (string | number | undefined)[]) => {
    byRole.fill(false)
    for (const name in answers) {
      if (!Object.hasOwn(answers, name)) continue
      const value = answers[name]
      if (value === null || value === undefined) continue
      if (Array.isArray(value)) {
        const i = index.get(name)
        if (i !== undefined && !byRole[i]) cells[i] = value.map(String).join('; ')
      } else if (typeof value === 'object') {
        const role = roles.matrix.has(name)
        const rows = value as Record<string, unknown>
        for (const row in rows) {
          if (!Object.hasOwn(rows, row)) continue
          const i = matrixIndex(name, row)
          if (i < 0 || (!role && byRole[i])) continue
          cells[i] = cellText(rows[row])
          if (role) byRole[i] = true
        }
      } else {
        const i = scalarAt(name)
        if (i < 0) continue
        const role = roles.scalar.has(name)
        if (!role && byRole[i]) continue
        cells[i] = typeof value === 'number' ? value : String(value)
        if (role) byRole[i] = true
      }
    }
  }
}

const NO_ANSWER = new Set(['html', 'image', 'expression'])

/**
 * The export's header for one survey version and a row builder: metadata, then overall, rebuy,
 * attribute keys and `imp_<key>` (named by role, whatever their questions are called), then
 * segments, then every other answer in survey order (other matrices one column per row).
 * Cells come from {@link flattenAnswers} given the same definition.
 */
export function responseColumns(
  definition: SurveyDefinition,
  /** Segments the wave adds to the survey's own (a continuous wave's `period`). */
  waveSegments: readonly string[] = [],
) {
  const roles = surveyColumns(definition)
  const roleQuestionSet = roleColumns(definition).questions
  const segments = [...surveyRoles(definition).segments]
  // A multilingual survey's responses carry the language they were answered in (SPEC §5.3).
  if (surveyLanguages(definition).length > 1 && !segments.includes(LANGUAGE_SEGMENT))
    segments.push(LANGUAGE_SEGMENT)
  for (const name of waveSegments) if (!segments.includes(name)) segments.push(name)
  const rated = [
    ...(roles.overall ? [roles.overall] : []),
    ...(roles.rebuy ? [roles.rebuy] : []),
    ...roles.attributes,
    ...roles.importance.map(importanceColumn),
  ]
  const taken = new Set<string>([...metadataColumns, ...rated, ...segments])
  const played = new Set([...roleQuestionSet].map((q) => q.dataKey))
  const others = walkQuestions(definition)
    .filter((q) => !NO_ANSWER.has(q.type) && !played.has(q.dataKey))
    .flatMap((q) =>
      q.type === 'matrix'
        ? itemValues(q.json.rows).map((r) => `${q.dataKey}.${String(r.value)}`)
        : [q.dataKey],
    )
    .filter((name) => !taken.has(name))
  const header = [...metadataColumns, ...rated, ...segments, ...new Set(others)]
  return {
    header,
    row: (values: Record<string, string | number>) => header.map((h) => values[h] ?? ''),
  }
}

export {
  nameLookup,
  responsesHeader,
  type HeaderClash,
  type NameMatch,
  type ResponsesHeader,
} from './responses-header'
