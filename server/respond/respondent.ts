import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { z } from 'zod'
import { saveDraft } from '../db/invitations'
import type { OpenLink } from '../db/links'
import { resolveLink } from '../db/links'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { isAnonymous } from '../surveys/audiences'
import { contactPrefill } from '../surveys/response-record'
import { withoutRoleMapping } from '../surveys/role-mapping'
import { linkProblem } from './link-problem'
import { isSealed, openDraft, sealDraft } from './sealed-draft'
import { submitResponse } from '../responses/submit-response'

/** The emailed token, once exchanged at /s/<token>, travels only in this HttpOnly cookie. */
export const LINK_COOKIE = 'csi_link'

export const submitBody = z
  .object({
    data: z.record(z.string(), z.unknown()),
    submissionKey: z
      .string()
      .regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8–64 letters, digits or dashes'),
    startedAt: z.iso.datetime({ offset: true }).optional(),
    // The language the survey was answered in (survey-core's locale); one of the survey's.
    language: z.string().max(35, 'must be a language tag of at most 35 characters').optional(),
  })
  .strict()

export const draftBody = z
  .object({
    data: z.record(z.string(), z.unknown()),
    pageNo: z.number().int().min(0).max(1000),
  })
  .strict()
  // A draft is a respondent's own unvalidated answers: bounded so it cannot fill the disk.
  .refine((d) => JSON.stringify(d.data).length <= 100_000, {
    message: 'draft over 100,000 characters',
    path: ['data'],
  })

export function cookieToken(c: Context<AppEnv>) {
  const token = getCookie(c, LINK_COOKIE)
  if (!token) {
    throw new ApiError(
      'NOT_FOUND',
      'No survey link in this browser: please open the link from your email again.',
    )
  }
  return token
}

export async function openLinkOrThrow(
  c: Context<AppEnv>,
  token: string,
  now = new Date(),
): Promise<OpenLink> {
  const link = await resolveLink(c.var.db, token, now)
  if (link.state !== 'open') throw linkProblem(link.state)
  return link
}

/** The answers saved so far: an anonymous respondent's are opened with their own token. */
async function savedDraft(link: OpenLink, token: string) {
  const stored = link.invitation?.draft ?? null
  if (!stored) return null
  return isSealed(stored) ? openDraft(token, link.invitation!.id, stored) : stored
}

/** What the respondent page needs: the wave, the pinned survey, and answers saved so far. */
export async function linkView(link: OpenLink, token: string) {
  const { wave, survey, invitation } = link
  const saved = await savedDraft(link, token)
  return {
    wave: { id: wave.id, name: wave.name, closesAt: wave.closesAt?.toISOString() ?? null },
    survey: {
      id: survey.surveyId,
      version: survey.version,
      definition: withoutRoleMapping(survey.definition),
    },
    // Keys the device's saved progress; an invitation also resumes from the server's draft.
    link: invitation
      ? {
          kind: 'invitation' as const,
          key: invitation.id,
          saved,
          // Segment questions the contact list answers: filled and hidden, not asked again.
          prefill: contactPrefill(survey.definition, invitation.segments),
        }
      : { kind: 'open' as const, key: wave.id, saved: null, prefill: {} },
  }
}

export async function storeDraft(
  c: Context<AppEnv>,
  link: OpenLink,
  token: string,
  body: z.infer<typeof draftBody>,
) {
  // Open links have no one to keep a draft for; their progress stays on the device.
  const id = link.invitation?.id
  if (id) {
    const draft = isAnonymous(link.wave.audience) ? await sealDraft(token, id, body) : body
    await saveDraft(c.var.db, id, draft)
  }
  return { saved: Boolean(link.invitation) }
}

export async function submitFromLink(
  c: Context<AppEnv>,
  link: OpenLink,
  body: z.infer<typeof submitBody>,
  now: Date,
) {
  const { alert } = await submitResponse(c.var, link, {
    data: body.data,
    submissionKey: body.submissionKey,
    startedAt: body.startedAt ? new Date(body.startedAt) : null,
    language: body.language ?? null,
    mode: 'web',
    now,
    host: new URL(c.var.config.publicUrl).hostname,
  })
  // The acknowledgement and the owner's alert leave at once, not with the next invitation run.
  if (alert) c.var.startSending(link.wave.id)
  return { status: 'received' as const }
}
