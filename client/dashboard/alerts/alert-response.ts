import { humanizeKey } from '../../lib/format'
import type { Labels } from './alert-format'
import { ratingNames } from './alert-format'

export type Rating = { key: string; label: string; value: number | null; flagged: boolean }
export type ResponseView = {
  ratings: Rating[]
  attributes: Rating[]
  about: { key: string; label: string; value: string }[]
  comments: { key: string; label: string; text: string }[]
}

type Answers = Readonly<Record<string, unknown>>

const score = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && /^\d+$/.test(v)
      ? Number(v)
      : null

const text = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''

/**
 * One response as the follow-up page lists it: overall and re-buy, each attribute with its
 * wording (from the `attributes` matrix, or a rating question of the same name), who answered
 * (segments, with the survey's wording of the choice) and the free-text answers. `flagged`
 * marks the scores that raised the alert (its reason codes).
 */
export function responseView(
  answers: Answers,
  labels: Labels | null,
  reasons: readonly string[],
): ResponseView {
  const matrix = (answers.attributes ?? {}) as Answers
  const raised = new Set(reasons)
  const rating = (key: string, label: string, value: unknown, code: string): Rating => {
    const v = score(value)
    return { key, label, value: v, flagged: v !== null && raised.has(`${code}:${v}`) }
  }
  const ratings = (['overall', 'rebuy'] as const)
    .filter((k) => k in answers)
    .map((k) => rating(k, ratingNames[k]!, answers[k], k))
  const attributeKeys = labels?.attributes.length
    ? labels.attributes
    : Object.keys(matrix).map((key) => ({ key, label: humanizeKey(key) }))
  const attributes = attributeKeys.map(({ key, label }) =>
    rating(key, label, matrix[key] ?? answers[key], `attribute:${key}`),
  )
  const about = (labels?.segments ?? [])
    .filter((s) => text(answers[s.key]))
    .map((s) => {
      const v = text(answers[s.key])
      return { key: s.key, label: s.label, value: s.values[v] ?? v }
    })
  const commentKeys = labels?.comments.length
    ? labels.comments
    : ['low_score_reason', 'comments'].map((key) => ({ key, label: humanizeKey(key) }))
  const comments = commentKeys
    .map((c) => ({ ...c, text: text(answers[c.key]) }))
    .filter((c) => c.text)
  return { ratings, attributes, about, comments }
}

export const modeLabel: Readonly<Record<string, string>> = {
  web: 'Online',
  phone: 'By phone',
  face_to_face: 'Face to face',
  postal: 'Postal questionnaire',
}
