/** The shapes of /api/surveys (server/programme/surveys-route.ts), as the pages read them. */

export const singleRoles = ['overall', 'rebuy', 'importance', 'attitude'] as const
export const listRoles = ['attributes', 'segments'] as const
export type SingleRole = (typeof singleRoles)[number]
export type ListRole = (typeof listRoles)[number]
export type MappableRole = SingleRole | ListRole

/** server/surveys/role-mapping.ts: questions that play a role despite their names. */
export type RoleMapping = Partial<Record<SingleRole, string> & Record<ListRole, string[]>>

export type Problem = { path: string; message: string }
export type Candidate = { name: string; title: string; type: string }
export type Candidates = Record<MappableRole, Candidate[]>

/** server/surveys/types.ts SurveyRoles: what each question means to the reports. */
export type Roles = {
  overall: string | null
  rebuy: string | null
  attributes: { key: string; label: string; source: 'matrix' | 'rating' }[]
  importance: string[]
  attitude: string[]
  segments: string[]
  comments?: string[]
}

export type CheckResult = {
  ok: boolean
  problems: Problem[]
  roles: Roles
  candidates: Candidates
  /** Texts missing in the programme's languages (a warning, not a problem). */
  translations?: { language: string; count: number; examples: string[] }[]
}
