import { z } from 'zod'
import { canonicalLanguage } from '../surveys/survey-languages'

const segmentName = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
// Columns a contact file gives a meaning of their own; never segments.
const reserved = new Set(['email', 'name', 'audience', 'owner', 'language'])

/** `POST /api/waves/:id/invitations`: one contact, from a CRM event. */
export const triggerInvitationBody = z
  .object({
    email: z
      .string({ error: 'must be an email address' })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'must be an email address' }).max(254)),
    name: z.string().trim().max(200).optional(),
    language: z
      .string()
      .max(35)
      .refine(
        (t) => canonicalLanguage(t) !== null,
        'must be a BCP 47 language tag (e.g. de, fr-CA)',
      )
      .transform((t) => canonicalLanguage(t)!)
      .optional(),
    segments: z
      .record(z.string(), z.string().trim().min(1, 'must not be empty').max(200))
      .superRefine((segments, ctx) => {
        const names = Object.keys(segments)
        if (names.length > 20) ctx.addIssue({ code: 'custom', message: 'at most 20 segments' })
        for (const name of names) {
          const message = !segmentName.test(name)
            ? 'a segment name is a letter, then letters, digits or _ (64 at most)'
            : reserved.has(name.toLowerCase())
              ? 'is not a segment (it has its own field)'
              : null
          if (message) ctx.addIssue({ code: 'custom', path: [name], message })
        }
      })
      .optional(),
    sendAt: z.iso
      .datetime({
        offset: true,
        error: 'must be an ISO 8601 date and time, e.g. 2027-03-01T09:00:00Z',
      })
      .optional(),
    dedupeKey: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(128, 'must be at most 128 characters')
      .optional(),
  })
  .strict()

export type TriggerInvitationBody = z.infer<typeof triggerInvitationBody>
