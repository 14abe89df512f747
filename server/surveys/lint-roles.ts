import type { QuestionNode } from './json-walk'
import { itemValues, walkQuestions } from './json-walk'
import { mappingProblems, ROLE_MAPPING_PROPERTY, roleMappingOf } from './role-mapping'
import { roleMatrix, roleNames, roleQuestions, rowKeys } from './role-questions'
import { describeScale, isOneToFive, matrixColumnValues, ratingValues } from './scales'
import { surveyRoles } from './survey-roles'
import type { SurveyDefinition } from './types'
import { audiences } from './types'

const attributeKey = /^[a-z][a-z0-9_]*$/

function ratingRoleProblems(node: QuestionNode | undefined, role: string): string[] {
  if (!node) return []
  if (node.type !== 'rating')
    return [`${node.name}: the ${role} question must be a rating on a 1–5 scale, not ${node.type}`]
  const scale = ratingValues(node.json)
  return isOneToFive(scale)
    ? []
    : [`${node.name}: must use a 1–5 scale, has ${describeScale(scale)}`]
}

function matrixProblems(matrix: QuestionNode): string[] {
  const problems: string[] = []
  const columns = matrixColumnValues(matrix.json)
  if (!isOneToFive(columns))
    problems.push(`${matrix.name}: columns must be the values 1–5, has ${describeScale(columns)}`)
  for (const row of itemValues(matrix.json.rows)) {
    if (!attributeKey.test(String(row.value)))
      problems.push(
        `${matrix.name}.${String(row.value)}: row values are keys; use lower_snake_case`,
      )
  }
  return problems
}

/** The checks of the naming convention (SPEC §3) for the roles the mapping leaves to it. */
function conventionProblems(questions: QuestionNode[], mapped: Set<string>): string[] {
  const problems: string[] = []
  for (const role of [roleNames.overall, roleNames.rebuy]) {
    if (mapped.has(role)) continue
    problems.push(
      ...ratingRoleProblems(
        questions.find((node) => node.name === role),
        role,
      ),
    )
  }
  for (const node of questions.filter((q) => q.name.startsWith(roleNames.importancePrefix))) {
    problems.push(...ratingRoleProblems(node, 'importance'))
  }
  for (const name of [roleNames.attributes, roleNames.importance, roleNames.attitude]) {
    if (mapped.has(name)) continue
    const other = questions.find((node) => node.name === name && node.type !== 'matrix')
    if (other) problems.push(`${name}: must be a matrix with columns 1–5, not ${other.type}`)
    const matrix = roleMatrix(questions, name)
    if (matrix) problems.push(...matrixProblems(matrix))
  }
  return problems
}

/**
 * The mapped questions must be what their role reads (1–5 scales, rows that are keys), every
 * attribute key must come from one question only, and no other question may carry the name the
 * responses CSV gives a mapped role's column (`overall`, `rebuy`, an attribute key).
 */
function mappedProblems(definition: SurveyDefinition, questions: QuestionNode[]): string[] {
  const mapping = roleMappingOf(definition)!
  const roles = roleQuestions(definition)
  const problems = mappingProblems(definition, mapping)
  const columns = new Map<string, QuestionNode>()
  for (const role of [roleNames.overall, roleNames.rebuy]) {
    const node = typeof mapping[role] === 'string' ? roles[role] : null
    if (!node) continue
    const scale = ratingValues(node.json)
    if (!isOneToFive(scale))
      problems.push(
        `${node.name}: mapped as ${role}, must use a 1–5 scale, has ${describeScale(scale)}`,
      )
    columns.set(role, node)
  }
  const owner = new Map<string, string>()
  const attributeNames = Array.isArray(mapping.attributes) ? mapping.attributes : []
  for (const name of new Set(attributeNames)) {
    const node = questions.find((q) => q.name === name && ['matrix', 'rating'].includes(q.type))
    if (!node) continue
    const keys =
      node.type === 'matrix' ? itemValues(node.json.rows).map((r) => String(r.value)) : [node.name]
    const scale = ratingValues(node.json)
    if (node.type === 'matrix') problems.push(...matrixProblems(node))
    else if (!isOneToFive(scale))
      problems.push(
        `${node.name}: mapped as an attribute, must use a 1–5 scale, has ${describeScale(scale)}`,
      )
    for (const key of keys) {
      const first = owner.get(key)
      if (first === undefined) owner.set(key, node.name)
      else
        problems.push(
          first === node.name
            ? `${node.name}.${key}: the attribute key is twice in ${node.name}`
            : `${key}: the attribute key is in both ${first} and ${node.name}; use it once`,
        )
      if (!columns.has(key)) columns.set(key, node)
    }
  }
  const matrices = { importance: roles.importanceMatrix, attitude: roles.attitudeMatrix }
  for (const role of ['importance', 'attitude'] as const) {
    const matrix = matrices[role]
    if (typeof mapping[role] === 'string' && matrix) problems.push(...matrixProblems(matrix))
  }
  for (const [column, player] of columns) {
    const other = questions.find((q) => q.name === column && q.name !== player.name)
    if (other)
      problems.push(
        `${other.name}: the responses CSV names the column of ${player.name} so; rename this question`,
      )
  }
  return problems
}

/** Problems with the questions that feed the reports, each naming the question. */
export function roleProblems(definition: SurveyDefinition): string[] {
  const questions = walkQuestions(definition)
  const mapping = roleMappingOf(definition)
  const problems: string[] = []
  if (definition[ROLE_MAPPING_PROPERTY] !== undefined && !mapping)
    problems.push(`${ROLE_MAPPING_PROPERTY}: must be an object of roles and question names`)
  const mapped = new Set(
    mapping
      ? Object.entries(mapping)
          .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined))
          .map(([role]) => role)
      : [],
  )
  problems.push(...conventionProblems(questions, mapped))
  if (mapping) problems.push(...mappedProblems(definition, questions))
  const roles = surveyRoles(definition)
  const rated = new Set(roles.attributes.map((a) => a.key))
  const importanceMatrix = roleQuestions(definition).importanceMatrix
  const matrixRows = new Set(rowKeys(importanceMatrix).map((row) => row.key))
  for (const key of roles.importance.filter((k) => !rated.has(k))) {
    const where = matrixRows.has(key)
      ? `${importanceMatrix!.name}.${key}`
      : roleNames.importancePrefix + key
    problems.push(`${where}: has no satisfaction item with the same key`)
  }
  const { audience } = definition
  if (audience !== undefined && !(audiences as readonly unknown[]).includes(audience)) {
    problems.push(`survey: audience must be one of ${audiences.join(', ')}`)
  }
  return problems
}
