import { questionsOf } from './compile-survey'
import type { QuestionNode } from './json-walk'
import { isPlainObject, itemValues, textOf } from './json-walk'
import type { RoleMapping } from './role-mapping'
import { ROLE_MAPPING_PROPERTY } from './role-mapping'
import { isOneToFive, ratingValues } from './scales'
import type { SurveyDefinition } from './types'

/** Question names with a fixed meaning in reports (SPEC §3). */
export const roleNames = {
  overall: 'overall',
  rebuy: 'rebuy',
  attributes: 'attributes',
  importance: 'importance',
  attitude: 'attitude',
  importancePrefix: 'imp_',
} as const

export type AttributeQuestion = {
  key: string
  label: string
  source: 'matrix' | 'rating'
  /** The matrix whose row this is, or the rating question itself. */
  question: QuestionNode
}

/** The questions each report role reads from: by the mapping where it names them, else by name. */
export type RoleQuestions = {
  mapped: boolean
  overall: QuestionNode | null
  rebuy: QuestionNode | null
  attributes: AttributeQuestion[]
  /** Matrices whose rows are attributes. */
  attributeMatrices: QuestionNode[]
  importanceMatrix: QuestionNode | null
  /** `imp_<key>` ratings, the first per key. */
  importanceRatings: Array<{ key: string; question: QuestionNode }>
  attitudeMatrix: QuestionNode | null
  segments: QuestionNode[]
}

const segmentTypes = new Set(['dropdown', 'radiogroup'])

export function isRatingRole(node: QuestionNode, name: string): boolean {
  return node.name === name && node.type === 'rating'
}

/** Standalone 1–5 rating questions that are attributes: not overall, rebuy or imp_<key>. */
export function isAttributeRating(node: QuestionNode): boolean {
  return (
    node.type === 'rating' &&
    node.name !== roleNames.overall &&
    node.name !== roleNames.rebuy &&
    !node.name.startsWith(roleNames.importancePrefix) &&
    isOneToFive(ratingValues(node.json))
  )
}

export function isImportanceRating(node: QuestionNode): boolean {
  return node.type === 'rating' && node.name.startsWith(roleNames.importancePrefix)
}

export function roleMatrix(questions: QuestionNode[], name: string): QuestionNode | undefined {
  return questions.find((node) => node.name === name && node.type === 'matrix')
}

export function rowKeys(
  node: QuestionNode | null | undefined,
): Array<{ key: string; label: string }> {
  if (!node) return []
  return itemValues(node.json.rows).map((row) => ({ key: String(row.value), label: row.text }))
}

/** The stored mapping with anything that is not a question name dropped (the lint names those). */
function cleanMapping(definition: SurveyDefinition): RoleMapping | null {
  const raw = isPlainObject(definition) ? definition[ROLE_MAPPING_PROPERTY] : undefined
  if (!isPlainObject(raw)) return null
  const one = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined
  return {
    overall: one(raw.overall),
    rebuy: one(raw.rebuy),
    attributes: list(raw.attributes),
    importance: one(raw.importance),
    attitude: one(raw.attitude),
    segments: list(raw.segments),
  }
}

function resolve(definition: SurveyDefinition): RoleQuestions {
  const questions = questionsOf(definition)
  const mapping = cleanMapping(definition)
  const named = (name: string | undefined, types: string[]) =>
    name === undefined
      ? undefined
      : (questions.find((q) => q.name === name && types.includes(q.type)) ?? null)
  const byRole = (mapped: string | undefined, conventional: string) => {
    const node = named(mapped, ['rating'])
    return node === undefined
      ? (questions.find((q) => isRatingRole(q, conventional)) ?? null)
      : node
  }
  const overall = byRole(mapping?.overall, roleNames.overall)
  const rebuy = byRole(mapping?.rebuy, roleNames.rebuy)

  const attributes: AttributeQuestion[] = []
  const attributeMatrices: QuestionNode[] = []
  const add = (attribute: AttributeQuestion) => {
    if (!attributes.some((known) => known.key === attribute.key)) attributes.push(attribute)
  }
  const addMatrix = (matrix: QuestionNode) => {
    if (!attributeMatrices.includes(matrix)) attributeMatrices.push(matrix)
    for (const row of rowKeys(matrix)) add({ ...row, source: 'matrix', question: matrix })
  }
  const addRating = (node: QuestionNode) =>
    add({
      key: node.name,
      label: textOf(node.json.title, node.name),
      source: 'rating',
      question: node,
    })
  if (mapping?.attributes?.length) {
    for (const name of mapping.attributes) {
      const node = named(name, ['matrix', 'rating'])
      if (node?.type === 'matrix') addMatrix(node)
      else if (node) addRating(node)
    }
  } else {
    const matrix = roleMatrix(questions, roleNames.attributes)
    if (matrix) addMatrix(matrix)
    for (const node of questions.filter(isAttributeRating)) {
      if (node !== overall && node !== rebuy) addRating(node)
    }
  }

  const importanceRatings: RoleQuestions['importanceRatings'] = []
  for (const node of questions.filter(isImportanceRating)) {
    const key = node.name.slice(roleNames.importancePrefix.length)
    if (key && !importanceRatings.some((r) => r.key === key))
      importanceRatings.push({ key, question: node })
  }
  const matrixRole = (mapped: string | undefined, conventional: string) => {
    const node = named(mapped, ['matrix'])
    return node === undefined ? (roleMatrix(questions, conventional) ?? null) : node
  }
  const mappedSegments = mapping?.segments?.length ? mapping.segments : null
  return {
    mapped: mapping !== null,
    overall,
    rebuy,
    attributes,
    attributeMatrices,
    importanceMatrix: matrixRole(mapping?.importance, roleNames.importance),
    importanceRatings,
    attitudeMatrix: matrixRole(mapping?.attitude, roleNames.attitude),
    segments: mappedSegments
      ? mappedSegments.flatMap((name) => {
          const node = named(name, [...segmentTypes])
          return node ? [node] : []
        })
      : questions.filter((node) => segmentTypes.has(node.type)),
  }
}

const cache = new WeakMap<object, RoleQuestions>()

/**
 * Which questions feed each report role (SPEC §3). A role the definition's `csiRoles` mapping
 * names reads the mapped question(s); any other role follows the naming convention. Cached per
 * definition object: readers call it once per response.
 */
export function roleQuestions(definition: SurveyDefinition): RoleQuestions {
  if (!isPlainObject(definition)) return resolve(definition)
  let roles = cache.get(definition)
  if (!roles) cache.set(definition, (roles = resolve(definition)))
  return roles
}
