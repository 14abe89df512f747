import { z } from 'zod'
import { catalogueKey, itemKinds } from '../surveys/catalogue-items'
import { choiceValue } from '../surveys/build-from-catalogue'
import { canonicalLanguage } from '../surveys/survey-languages'
import { audiences } from '../surveys/types'

const label = () => z.string().trim().min(1, 'needs a label').max(200, 'must be at most 200 characters')

/** Translations of a label: BCP 47 tags (stored canonical) to non-empty labels. */
const labels = z
  .record(z.string(), z.string().trim().max(200, 'must be at most 200 characters'))
  .superRefine((record, ctx) => {
    for (const tag of Object.keys(record))
      if (!canonicalLanguage(tag))
        ctx.addIssue({ code: 'custom', path: [tag], message: `"${tag}" is not a BCP 47 language tag (e.g. de, fr-CA)` })
  })
  .transform((record) => {
    const out: Record<string, string> = {}
    for (const [tag, text] of Object.entries(record)) if (text) out[canonicalLanguage(tag)!] = text
    return out
  })

const byAudience = (a: string, b: string) =>
  audiences.indexOf(a as never) - audiences.indexOf(b as never)

/** One catalogue entry; attitude items are the employee's own and rated by employees only. */
export const catalogueItem = z
  .object({
    key: z
      .string()
      .min(1, 'needs a key')
      .max(64, 'must be at most 64 characters')
      .regex(catalogueKey, 'must be lower_snake_case: a–z, digits and _, starting with a letter'),
    kind: z.enum(itemKinds, { error: 'must be attribute or attitude' }),
    label: label(),
    labels: labels.optional(),
    description: z
      .string()
      .trim()
      .max(500, 'must be at most 500 characters')
      .nullish()
      .transform((d) => d || null),
    audiences: z
      .array(z.enum(audiences, { error: `must be among ${audiences.join(', ')}` }))
      .min(1, 'tick at least one audience')
      .transform((list) => [...new Set(list)].sort(byAudience)),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === 'attitude' && item.audiences.some((a) => a !== 'employee'))
      ctx.addIssue({
        code: 'custom',
        path: ['audiences'],
        message: 'an attitude item is asked of employees only (it is never compared)',
      })
  })

/** The whole catalogue: unique keys, and at least one attribute for the surveys to rate. */
export const catalogueItems = z
  .array(catalogueItem)
  .max(200, 'at most 200 items')
  .superRefine((items, ctx) => {
    const seen = new Set<string>()
    items.forEach((item, i) => {
      if (!seen.has(item.key)) seen.add(item.key)
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, 'key'],
          message: `"${item.key}" is already used above; keys must be unique`,
        })
    })
    if (!items.some((item) => item.kind === 'attribute'))
      ctx.addIssue({ code: 'custom', path: [], message: 'needs at least one attribute to rate' })
  })

export const catalogueBody = z.object({ items: catalogueItems }).strict()

export const csvBody = z.object({ csv: z.string({ error: 'must be the CSV text' }) }).strict()

const surveyId = /^[a-z0-9][a-z0-9_-]{0,63}$/

export const buildBody = z
  .object({
    audience: z.enum(audiences, { error: `must be one of ${audiences.join(', ')}` }),
    surveyId: z
      .string()
      .regex(surveyId, 'must be lower-case letters, digits, - and _ (at most 64)')
      .optional(),
    title: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    importance: z.boolean().optional(),
    departments: z
      .array(z.string().trim().min(1, 'must not be empty').max(80))
      .min(1, 'name at least one area')
      .max(40)
      .superRefine((names, ctx) => {
        const values = names.map(choiceValue)
        values.forEach((value, i) => {
          if (!value)
            ctx.addIssue({ code: 'custom', path: [i], message: 'needs a letter or digit' })
          else if (values.indexOf(value) < i)
            ctx.addIssue({ code: 'custom', path: [i], message: 'is the same area as another' })
        })
      })
      .optional(),
  })
  .strict()

export type BuildBody = z.infer<typeof buildBody>
