import { z } from 'zod'
import { ApiError } from '../lib/errors'
import type { MessageKind, MessageTemplate } from './message-kinds'
import { fieldsOf, placeholdersOf } from './message-kinds'
import { unknownPlaceholders } from './placeholders'

const longFields = new Set(['body'])
// Without these a message has no point or no way in; the rest may be left empty (an empty
// greeting is no greeting line).
const required = new Set(['subject', 'body', 'heading', 'button'])

/** Any subset of every kind's fields, as strings; which ones a kind needs is checked after. */
export const templateBody = z
  .object(
    Object.fromEntries(
      [...new Set(Object.values(fieldsOf).flat())].map((f) => [
        f,
        z
          .string({ error: 'must be text' })
          .max(longFields.has(f) ? 5000 : 300)
          .optional(),
      ]),
    ) as Record<string, z.ZodOptional<z.ZodString>>,
  )
  .strict()

/**
 * The words of a `kind` message, or the refusal naming each field: a missing or empty required
 * field, a line break in a one-line field, a field the kind has not got, an unknown placeholder.
 */
export function checkTemplate(kind: MessageKind, body: Record<string, string | undefined>) {
  const fields: readonly string[] = fieldsOf[kind]
  const allowed: readonly string[] = placeholdersOf[kind]
  const issues: { path: string; message: string }[] = []
  for (const [field, value] of Object.entries(body))
    if (value !== undefined && !fields.includes(field))
      issues.push({
        path: field,
        message: `a ${kind} has no ${field}; its fields are ${fields.join(', ')}`,
      })
  for (const field of fields) {
    const value = body[field]
    if (value === undefined || (required.has(field) && !value.trim())) {
      issues.push({
        path: field,
        message: required.has(field) ? 'is required' : 'is required (may be empty)',
      })
      continue
    }
    if (!longFields.has(field) && /[\r\n]/.test(value))
      issues.push({ path: field, message: 'must be one line' })
    for (const name of unknownPlaceholders(value, allowed))
      issues.push({
        path: field,
        message: `unknown placeholder {${name}}; a ${kind} may use ${allowed.map((p) => `{${p}}`).join(', ')}`,
      })
  }
  if (issues.length)
    throw new ApiError(
      'BAD_REQUEST',
      `Invalid json: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    )
  return Object.fromEntries(fields.map((f) => [f, body[f]!])) as MessageTemplate
}
