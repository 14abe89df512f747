export const audiences = ['customer', 'wholesaler', 'retailer', 'employee'] as const
export type Audience = (typeof audiences)[number]

/** A SurveyJS JSON definition, as stored: only its shape is assumed, never its content. */
export type SurveyDefinition = Record<string, unknown>

/** A SurveyJS text: a plain string or a localisable `{ default, de, … }` object. */
export type LocalizableText = string | Record<string, string>

export type ScalarValue = string | number | boolean

export type AttributeRole = { key: string; label: string; source: 'matrix' | 'rating' }

export type SurveyRoles = {
  audience: Audience | null
  title: string
  overall: string | null
  rebuy: string | null
  attributes: AttributeRole[]
  importance: string[]
  /** Employee attitude items (rows of an `attitude` matrix): reported for HR, never compared. */
  attitude: string[]
  segments: string[]
  comments: string[]
}

/** One answer checked against its question: the normalised value, or why it is refused. */
export type Checked = { ok: true; value: unknown } | { ok: false; message: string }

export type AnswerIssue = { question: string; message: string }

export type ValidationResult =
  { ok: true; data: Record<string, unknown> } | { ok: false; issues: AnswerIssue[] }

export type Ratings = {
  audience: Audience | null
  overall: number | null
  rebuy: number | null
  attributes: Record<string, number | null>
  importance: Record<string, number | null>
  attitude: Record<string, number | null>
  segments: Record<string, string | null>
}
