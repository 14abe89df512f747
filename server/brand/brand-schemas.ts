import { z } from 'zod'
import { canonicalLanguage } from '../surveys/survey-languages'
import { brandColourCheck } from './contrast'

const colour = z.string().superRefine((value, ctx) => {
  const check = brandColourCheck(value)
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason })
})

const language = z.string().superRefine((value, ctx) => {
  if (canonicalLanguage(value) === null)
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a BCP 47 language tag (e.g. de, fr-CA)`,
    })
})

/** The checks of a brand change, shared by PUT /api/settings/brand and `csi settings set`. */
export const brandBody = z
  .object({
    organisation: z
      .string()
      .trim()
      .min(1, 'must not be empty (send null to use the name in MAIL_FROM)')
      .max(80, 'must be at most 80 characters')
      .nullable()
      .optional(),
    primary: colour.nullable().optional(),
    languages: z
      .array(language)
      .min(1, 'must name at least one language (the first is the default)')
      .max(30, 'at most 30 languages')
      .refine((l) => new Set(l.map((x) => x.toLowerCase())).size === l.length, {
        message: 'names a language twice',
      })
      .optional(),
  })
  .strict()

export const logoBody = z.object({ file: z.string().max(200_000, 'is over 140 KB') }).strict()
