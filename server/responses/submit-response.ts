import { ratingCode } from '../../reports'
import type { Statement } from '../db/atomic'
import { responseAdds } from '../db/aggregates'
import type { Store } from '../db/client'
import { markResponded } from '../db/invitations'
import type { OpenLink } from '../db/links'
import { DuplicateSubmissionError, insertResponse } from '../db/responses'
import type { Mode } from '../db/schema'
import { validateAnswers } from '../surveys'
import { anonymousTime, isAnonymous } from '../surveys/audiences'
import { alertStatements } from '../db/alerts'
import { randomId } from '../lib/tokens'
import { alertReasons, alertRulesFor } from '../follow-ups/alert-rules'
import { responseSubmittedEvent } from '../db/webhooks'
import { hasComment } from '../surveys/comments-of'
import { ApiError } from '../lib/errors'
import { contactPrefill, presentSegments, responseRecord } from '../surveys/response-record'
import { withReportingPeriod } from '../surveys/reporting-period'
import { LANGUAGE_SEGMENT, matchLanguage, surveyLanguages } from '../surveys/survey-languages'
import { checkedStartedAt } from './started-at'

const withoutEmpty = (data: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  )

export type Submission = {
  data: unknown
  /** The client's key for one visit of an open link; invitations use their own id. */
  submissionKey?: string
  startedAt?: Date | null
  /** The language answered in; checked against the survey's languages. */
  language?: string | null
  mode: Mode
  now: Date
  /** Our host name, for the Message-IDs of any acknowledgement and alert emails. */
  host: string
}

/** Employee waves are anonymous: nothing in the stored response may lead back to the person. */

/**
 * Validates and stores one response for an open link or an invitation, with its aggregates and
 * (for an invitation) the respond-once mark, all in one atomic write. Refusals name every bad
 * question; a second submission for the same invitation or visit is a 409 and stores nothing.
 */
export async function submitResponse(store: Store, link: OpenLink, s: Submission) {
  // Segment questions the contact list answers were not shown (see respond/respondent.ts).
  const prefill = contactPrefill(link.survey.definition, link.invitation?.segments)
  const data =
    Object.keys(prefill).length && s.data && typeof s.data === 'object' && !Array.isArray(s.data)
      ? { ...prefill, ...withoutEmpty(s.data as Record<string, unknown>) }
      : s.data
  const checked = validateAnswers(link.survey.definition, data)
  if (!checked.ok) {
    const issues = checked.issues.map((i) => ({ path: `data.${i.question}`, message: i.message }))
    throw new ApiError('BAD_REQUEST', issues.map((i) => i.message).join('; '), issues)
  }
  const { wave, invitation } = link
  const answered = responseRecord(wave.audience, link.survey.definition, checked.data)
  // The contact list's segment values fill the survey's segment questions left unanswered, and
  // are kept with the response (exports carry them) as they were at submission time.
  const contactSegments = invitation?.segments ?? {}
  // A continuous wave's responses carry their period, from the submission time (UTC).
  const segments = withReportingPeriod(wave, { ...answered.segments }, s.now)
  for (const key of link.spec.segments ?? [])
    if (!segments[key] && contactSegments[key]) segments[key] = contactSegments[key]!
  if (link.spec.segments?.includes(LANGUAGE_SEGMENT) && !segments[LANGUAGE_SEGMENT])
    segments[LANGUAGE_SEGMENT] = answeredLanguage(link, s.language)
  const record = { ...answered, segments }
  const anonymous = isAnonymous(wave.audience)
  // The respond-once mark goes first, so a used invitation fails before anything is written.
  const before: Statement[] = invitation ? [markResponded(store.db, invitation.id)] : []
  const after: Statement[] = []
  const submissionKey = invitation
    ? anonymous
      ? crypto.randomUUID()
      : `invitation:${invitation.id}`
    : (s.submissionKey ?? crypto.randomUUID())
  // Closing the loop, in the same write: a low score opens an alert (never for employees; under
  // the default rules only for an invitee, someone who can be contacted).
  const reasons = anonymous
    ? []
    : alertReasons(alertRulesFor(wave.alertRules, invitation !== null), {
        ...record,
        commented: hasComment(link.survey.definition, checked.data),
      })
  if (reasons.length > 0)
    after.push(
      ...alertStatements(store.db, {
        alertId: randomId('a'),
        waveId: wave.id,
        response: { submissionKey },
        invitation: invitation ?? null,
        ownerEmail: invitation?.owner ?? wave.ownerEmail ?? null,
        reasons,
        host: s.host,
        now: s.now,
      }),
    )
  // Scripts hear of each named response in the same write; employee responses stay anonymous.
  if (!anonymous) after.push(responseSubmittedEvent(store.db, wave.id, submissionKey, s.now))
  try {
    await insertResponse(
      store,
      {
        waveId: wave.id,
        surveyId: link.survey.surveyId,
        surveyVersion: link.survey.version,
        audience: wave.audience,
        mode: s.mode,
        answers: checked.data,
        segments: { ...contactSegments, ...presentSegments(record.segments) },
        ratings: ratingCode(record, link.spec),
        submissionKey,
        invitationId: invitation && !anonymous ? invitation.id : null,
        // Exact times could be matched with the invitee's activity; a day is enough for trends.
        startedAt: anonymous ? null : checkedStartedAt(s.startedAt, wave, s.now),
        submittedAt: anonymous ? anonymousTime(s.now) : s.now,
      },
      { before, after, adds: responseAdds(wave.id, link.spec, record) },
    )
  } catch (err) {
    if (err instanceof DuplicateSubmissionError) {
      throw new ApiError('CONFLICT', 'This response was already submitted; it was stored once.')
    }
    throw err
  }
  return { alert: reasons.length > 0 }
}

/**
 * The survey language a response was given in: the one the respondent's page reported, else the
 * contact's, else the survey's first. A language the survey is not written in is refused.
 */
function answeredLanguage(link: OpenLink, reported: string | null | undefined): string {
  const languages = surveyLanguages(link.survey.definition)
  if (reported) {
    const match = matchLanguage(languages, reported)
    if (match) return match
    const message = `"${reported}" is not one of this survey's languages (${languages.join(', ')})`
    throw new ApiError('BAD_REQUEST', `language: ${message}`, [{ path: 'language', message }])
  }
  const own = link.invitation?.language
  return (own && matchLanguage(languages, own)) || languages[0]!
}
