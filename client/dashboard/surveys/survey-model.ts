import type { SurveyJson } from './survey-file'
import type { Candidates, MappableRole, Problem, RoleMapping, Roles } from './survey-types'
import { listRoles, singleRoles } from './survey-types'

export type OutlineQuestion = { name: string; type: string; title: string; rows: string[] }

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** A SurveyJS text (a string or `{ default, de, … }`) in one language. */
export function textOf(value: unknown, fallback: string): string {
  if (typeof value === 'string' && value.trim()) return value
  if (isObject(value)) {
    const first = value.default ?? value.en ?? Object.values(value)[0]
    if (typeof first === 'string' && first.trim()) return first
  }
  return fallback
}

function itemValue(item: unknown): string {
  return String(isObject(item) ? item.value : item)
}

/** Every named question in page order, nested panels included (enough for labels). */
export function surveyOutline(definition: SurveyJson): OutlineQuestion[] {
  const out: OutlineQuestion[] = []
  const visit = (container: Record<string, unknown>, depth: number) => {
    if (depth > 32) return
    const list = container.elements ?? container.questions
    for (const element of Array.isArray(list) ? list.filter(isObject) : []) {
      const type = typeof element.type === 'string' ? element.type.toLowerCase() : ''
      if (type === 'panel') visit(element, depth + 1)
      else if (typeof element.name === 'string' && element.name) {
        const rows = Array.isArray(element.rows) ? element.rows.map(itemValue) : []
        out.push({ name: element.name, type, title: textOf(element.title, element.name), rows })
      }
    }
  }
  const pages = Array.isArray(definition.pages) ? definition.pages.filter(isObject) : [definition]
  for (const page of pages) visit(page, 0)
  return out
}

export const roleLabel: Record<MappableRole, string> = {
  overall: 'Overall satisfaction',
  rebuy: 'Intention to re-buy',
  attributes: 'Attributes',
  importance: 'Stated importance',
  attitude: 'Employee attitude items',
  segments: 'Segments',
}

export type ProblemGroup = { key: string; label: string; messages: string[] }

/** The lint's findings by question, in the order found: "Overall satisfaction (q_sat)". */
export function groupProblems(problems: readonly Problem[], outline: OutlineQuestion[]) {
  const groups: ProblemGroup[] = []
  for (const p of problems) {
    const head = p.path.split('.')[0]!
    const question = outline.find((q) => q.name === head)
    const key = question ? question.name : p.path
    const label = question
      ? question.title === question.name
        ? question.name
        : `${question.title} (${question.name})`
      : key in roleLabel
        ? `Role: ${roleLabel[key as MappableRole]}`
        : key === 'survey' || key === 'definition'
          ? 'The survey as a whole'
          : key === 'audience'
            ? 'Audience'
            : key
    const group = groups.find((g) => g.key === key)
    if (group) group.messages.push(p.message)
    else groups.push({ key, label, messages: [p.message] })
  }
  return groups
}

export type RoleLine = { role: MappableRole; label: string; value: string | null }

/** Where each attribute comes from: the matrix whose row it is, else its own rating question. */
function attributeSources(roles: Roles, outline: OutlineQuestion[], mapping: RoleMapping) {
  const matrices = outline.filter(
    (q) => q.type === 'matrix' && (q.name === 'attributes' || mapping.attributes?.includes(q.name)),
  )
  const parts: { from: string | null; keys: string[] }[] = []
  for (const a of roles.attributes) {
    const from =
      a.source === 'matrix' ? (matrices.find((m) => m.rows.includes(a.key))?.name ?? null) : null
    const part = parts.find((p) => p.from === from)
    if (part) part.keys.push(a.key)
    else parts.push({ from, keys: [a.key] })
  }
  return parts
    .map((p) =>
      p.from ? `${p.keys.join(', ')} (from ${p.from})` : `${p.keys.join(', ')} (rating questions)`,
    )
    .join('; ')
}

/** The roles a survey resolves, one plain line each; `null` where it has none. */
export function roleLines(
  roles: Roles,
  outline: OutlineQuestion[],
  mapping: RoleMapping,
  audience: string,
): RoleLine[] {
  const list = (v: readonly string[]) => (v.length > 0 ? v.join(', ') : null)
  const lines: RoleLine[] = [
    { role: 'overall', label: roleLabel.overall, value: roles.overall },
    { role: 'rebuy', label: roleLabel.rebuy, value: roles.rebuy },
    {
      role: 'attributes',
      label: roleLabel.attributes,
      value: attributeSources(roles, outline, mapping) || null,
    },
    { role: 'importance', label: roleLabel.importance, value: list(roles.importance) },
    { role: 'attitude', label: roleLabel.attitude, value: list(roles.attitude) },
    { role: 'segments', label: roleLabel.segments, value: list(roles.segments) },
  ]
  return lines.filter((l) => l.role !== 'attitude' || audience === 'employee' || l.value)
}

/** The mapping with empty roles left out, as the server stores it; `{}` when nothing is mapped. */
export function compactMapping(mapping: RoleMapping): RoleMapping {
  const out: RoleMapping = {}
  for (const role of singleRoles) if (mapping[role]) out[role] = mapping[role]
  for (const role of listRoles) if (mapping[role]?.length) out[role] = [...mapping[role]!]
  return out
}

/** A mapping a definition carries (`csiRoles`), kept only where it names a candidate. */
export function mappingOf(definition: SurveyJson): RoleMapping {
  const raw = definition.csiRoles
  if (!isObject(raw)) return {}
  const out: RoleMapping = {}
  for (const role of singleRoles) if (typeof raw[role] === 'string') out[role] = raw[role]
  for (const role of listRoles)
    if (Array.isArray(raw[role])) out[role] = raw[role].filter((n) => typeof n === 'string')
  return compactMapping(out)
}

/** A mapping without the questions a definition no longer has. */
export function keepQuestions(mapping: RoleMapping, definition: SurveyJson): RoleMapping {
  const names = new Set(surveyOutline(definition).map((q) => q.name))
  const out: RoleMapping = {}
  for (const role of singleRoles)
    if (mapping[role] && names.has(mapping[role])) out[role] = mapping[role]
  for (const role of listRoles) out[role] = mapping[role]?.filter((n) => names.has(n))
  return compactMapping(out)
}

/** The definition without our mapping: what the respondent's browser and SurveyJS Creator get. */
export function withoutMapping(definition: SurveyJson): SurveyJson {
  const { csiRoles: _roles, ...rest } = definition
  return rest
}

/** Whether the survey has any question that could be mapped to a role. */
export const hasCandidates = (candidates: Candidates) =>
  Object.values(candidates).some((list) => list.length > 0)

/** The title a survey goes by: its own, else its id. */
export const surveyTitle = (definition: SurveyJson, fallback: string) =>
  textOf(definition.title, fallback)
