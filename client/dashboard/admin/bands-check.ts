import type { ScaleMapping } from '../report/report-format'
import { scaleName } from '../report/report-format'
import type { FieldErrors } from '../ui/use-form-errors'

export type BandsField = 'strength' | 'adequate' | 'scale'
export type Bands = { strength: number; adequate: number; scale: ScaleMapping }

export const scaleChoices = Object.keys(scaleName) as ScaleMapping[]

// The server's rule (server/db/band-settings.ts): 0 to 10, at most one decimal.
const cutOff = (s: string) =>
  /^\s*(10(\.0)?|\d([.,]\d)?)\s*$/.test(s) ? Number(s.trim().replace(',', '.')) : null

/** The bands as typed: numbers when valid, else an error under each field, as the server says. */
export function checkBands(input: { strength: string; adequate: string; scale: string }): {
  errors: FieldErrors<BandsField>
  value: Bands | null
} {
  const errors: FieldErrors<BandsField> = {}
  const strength = cutOff(input.strength)
  const adequate = cutOff(input.adequate)
  const range = 'Enter a score from 0 to 10, with at most one decimal (e.g. 7.5).'
  if (strength === null) errors.strength = range
  if (adequate === null) errors.adequate = range
  else if (strength !== null && adequate >= strength)
    errors.adequate = `Below the strength cut-off (${strength}): between them lies “adequate”.`
  const scale = scaleChoices.find((c) => c === input.scale)
  if (!scale) errors.scale = 'Choose how a mean becomes a score out of 10.'
  const ok = Object.keys(errors).length === 0 && strength !== null && adequate !== null && scale
  return { errors, value: ok ? { strength, adequate, scale } : null }
}
