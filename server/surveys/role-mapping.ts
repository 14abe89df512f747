import { questionsOf } from './compile-survey'
import type { QuestionNode } from './json-walk'
import { isPlainObject } from './json-walk'
import type { SurveyDefinition } from './types'

/**
 * Which questions feed the reports when their names do not follow the convention of SPEC §3
 * (`overall`, `rebuy`, an `attributes` matrix…). It is kept inside the stored definition under
 * {@link ROLE_MAPPING_PROPERTY}, so every reader of a survey version sees the same roles;
 * survey-core and SurveyJS Creator ignore the unknown property.
 */
export type RoleMapping = {
  /** A 1–5 rating question. */
  overall?: string
  /** A 1–5 rating question: re-buy, re-order or keep stocking. */
  rebuy?: string
  /** Matrices with columns 1–5 (each row value is a key) or 1–5 rating questions (the name is). */
  attributes?: string[]
  /** A matrix with columns 1–5 whose row values are attribute keys. */
  importance?: string
  /** Employee attitude items: a matrix with columns 1–5. */
  attitude?: string
  /** Dropdown or radiogroup questions that break the report down. */
  segments?: string[]
}

export const ROLE_MAPPING_PROPERTY = 'csiRoles'
export const mappableRoles = [
  'overall',
  'rebuy',
  'attributes',
  'importance',
  'attitude',
  'segments',
] as const
export type MappableRole = (typeof mappableRoles)[number]
const listRoles = new Set<MappableRole>(['attributes', 'segments'])

/** The mapping a stored definition carries, or null when it follows the naming convention. */
export function roleMappingOf(definition: SurveyDefinition): RoleMapping | null {
  const raw = isPlainObject(definition) ? definition[ROLE_MAPPING_PROPERTY] : undefined
  return isPlainObject(raw) ? (raw as RoleMapping) : null
}

/** The definition with this mapping (or none, for `null` or an empty mapping) stored inside. */
export function withRoleMapping(
  definition: SurveyDefinition,
  mapping: RoleMapping | null,
): SurveyDefinition {
  const { [ROLE_MAPPING_PROPERTY]: _old, ...rest } = definition
  const clean = mapping ? compactMapping(mapping) : null
  return clean ? { ...rest, [ROLE_MAPPING_PROPERTY]: clean } : rest
}

/** The definition as a respondent's browser or SurveyJS Creator gets it: without our mapping. */
export function withoutRoleMapping(definition: SurveyDefinition): SurveyDefinition {
  return withRoleMapping(definition, null)
}

function compactMapping(mapping: RoleMapping): RoleMapping | null {
  const out: RoleMapping = {}
  for (const role of mappableRoles) {
    const value = mapping[role]
    if (Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== '')
      (out as Record<string, unknown>)[role] = value
  }
  return Object.keys(out).length > 0 ? out : null
}

/**
 * Reads `role=question[,question…]` arguments (`csi survey import --map`), naming the bad one.
 * Throws an Error whose message names the argument.
 */
export function parseRoleMapping(args: readonly string[]): RoleMapping | null {
  const mapping: Record<string, unknown> = {}
  for (const arg of args) {
    const eq = arg.indexOf('=')
    const role = (eq < 0 ? arg : arg.slice(0, eq)).trim() as MappableRole
    const names = (eq < 0 ? '' : arg.slice(eq + 1))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (!mappableRoles.includes(role))
      throw new Error(`--map ${arg}: the role must be one of ${mappableRoles.join(', ')}`)
    if (names.length === 0) throw new Error(`--map ${arg}: name the question after "="`)
    if (!listRoles.has(role) && names.length > 1)
      throw new Error(`--map ${arg}: ${role} is one question`)
    mapping[role] = listRoles.has(role) ? names : names[0]
  }
  return compactMapping(mapping as RoleMapping)
}

/** Problems with a mapping against its definition, each naming the role and the question. */
export function mappingProblems(definition: SurveyDefinition, mapping: RoleMapping): string[] {
  const questions = questionsOf(definition)
  const find = (name: string) => questions.find((q) => q.name === name)
  const problems: string[] = []
  const expect = (role: string, name: unknown, types: string[]) => {
    if (typeof name !== 'string' || name === '') {
      problems.push(`${role}: must name a question`)
      return
    }
    const node: QuestionNode | undefined = find(name)
    if (!node) problems.push(`${name}: mapped as ${role}, but the survey has no such question`)
    else if (!types.includes(node.type))
      problems.push(`${name}: mapped as ${role}, must be ${types.join(' or ')}, is ${node.type}`)
  }
  for (const key of Object.keys(mapping)) {
    if (!mappableRoles.includes(key as MappableRole))
      problems.push(`${key}: is not a role (roles: ${mappableRoles.join(', ')})`)
  }
  const list = (value: unknown, role: string): unknown[] => {
    if (value === undefined || Array.isArray(value)) return value ?? []
    problems.push(`${role}: must be a list of question names`)
    return []
  }
  if (mapping.overall !== undefined) expect('overall', mapping.overall, ['rating'])
  if (mapping.rebuy !== undefined) expect('rebuy', mapping.rebuy, ['rating'])
  for (const name of list(mapping.attributes, 'attributes'))
    expect('attributes', name, ['matrix', 'rating'])
  if (mapping.importance !== undefined) expect('importance', mapping.importance, ['matrix'])
  if (mapping.attitude !== undefined) expect('attitude', mapping.attitude, ['matrix'])
  for (const name of list(mapping.segments, 'segments'))
    expect('segments', name, ['dropdown', 'radiogroup'])
  const playing = new Map<string, string>()
  for (const role of mappableRoles) {
    const value = mapping[role]
    for (const name of new Set(Array.isArray(value) ? value : [value])) {
      if (typeof name !== 'string' || name === '') continue
      const first = playing.get(name)
      if (first === undefined) playing.set(name, role)
      else problems.push(`${name}: mapped as both ${first} and ${role}; a question plays one role`)
    }
  }
  return problems
}
