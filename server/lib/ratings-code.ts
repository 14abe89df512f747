import type { AggregateSpec, Audience, ResponseRecord } from '../../reports'

const ZERO = 48 // '0'

/** The rating keys of one audience in the order the code stores them. */
function keysOf(spec: AggregateSpec, audience: Audience) {
  return spec.attributes[audience] ?? []
}

/**
 * A response's ratings as digits ('0' = missing): overall, rebuy, then each attribute and each
 * stated importance in the spec's attribute order. Valid only with the spec it was made with,
 * which is fixed by the survey version the response answered.
 */
export function encodeRatings(record: ResponseRecord, spec: AggregateSpec): string {
  const keys = keysOf(spec, record.audience)
  let code = `${record.overall ?? 0}${record.rebuy ?? 0}`
  for (const k of keys) code += record.attributes[k] ?? 0
  for (const k of keys) code += record.importance?.[k] ?? 0
  return code
}

/** The inverse of {@link encodeRatings}; null when the code does not fit the spec. */
export function decodeRatings(
  code: string,
  spec: AggregateSpec,
  audience: Audience,
  segments: Readonly<Record<string, string | null>>,
): ResponseRecord | null {
  const keys = keysOf(spec, audience)
  if (code.length !== 2 + 2 * keys.length) return null
  const digit = (i: number) => {
    const d = code.charCodeAt(i) - ZERO
    return d >= 1 && d <= 5 ? d : null
  }
  const attributes: Record<string, number | null> = {}
  for (let j = 0; j < keys.length; j++) attributes[keys[j]!] = digit(2 + j)
  const record = { audience, overall: digit(0), rebuy: digit(1), attributes, segments }
  // Most surveys ask no stated importance: skip building an object of nulls for each response.
  const imp = 2 + keys.length
  if (/^0*$/.test(code.slice(imp))) return record
  const importance: Record<string, number | null> = {}
  for (let j = 0; j < keys.length; j++) importance[keys[j]!] = digit(imp + j)
  return { ...record, importance }
}
