import type { FieldErrors } from '../ui/use-form-errors'

export type AnonymityField = 'minGroup' | 'minComments'

/** The server's bounds (server/settings/route.ts), checked here first so the form says why. */
export const MIN_GROUP_MAX = 50
export const MIN_COMMENTS_MAX = 100

const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : null)

/** The two thresholds as typed: numbers when valid, else an error under each field. */
export function checkAnonymity(
  input: { minGroup: string; minComments: string },
  floor: number,
): {
  errors: FieldErrors<AnonymityField>
  value: { minGroup: number; minComments: number } | null
} {
  const errors: FieldErrors<AnonymityField> = {}
  const minGroup = whole(input.minGroup)
  const minComments = whole(input.minComments)
  if (minGroup === null || minGroup < floor || minGroup > MIN_GROUP_MAX)
    errors.minGroup = `Enter a whole number from ${floor} to ${MIN_GROUP_MAX}.`
  if (minComments === null || minComments < floor || minComments > MIN_COMMENTS_MAX)
    errors.minComments = `Enter a whole number from ${floor} to ${MIN_COMMENTS_MAX}.`
  else if (minGroup !== null && !errors.minGroup && minComments < minGroup)
    errors.minComments = `At least ${minGroup}, the smallest group: a comment says more about its writer than a score.`
  const ok = Object.keys(errors).length === 0 && minGroup !== null && minComments !== null
  return { errors, value: ok ? { minGroup, minComments } : null }
}
