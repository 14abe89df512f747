import type { AggregateSpec } from '../../reports'
import { aggregateFromCodeFold, emptyCodeFold, foldRatingCodes, ratingCode } from '../../reports'
import { aggregateAdds } from '../db/aggregates'
import type { Store } from '../db/client'
import type { Mode } from '../db/schema'
import { responseRecord } from '../surveys/response-record'
import { anonymousTime, isAnonymous } from '../surveys/audiences'
import { PERIOD_SEGMENT, responsePeriod } from '../surveys/reporting-period'
import { alertReasons, alertRulesFor } from '../follow-ups/alert-rules'
import { randomIds } from '../lib/tokens'
import { hasComment } from '../surveys/comments-of'
import { compileRowReader } from './response-row-answers'
import type { RowAnswers, RowResult } from './response-row-answers'
import type { RowVerdict } from '../db/staged-import'
import { stagedImport } from '../db/staged-import'
import type { StagedCells } from '../db/staging'
import { ImportRefused } from '../db/staging'
import { inviteeFinder } from './invitee-finder'
import type { WaveSurvey } from './staged-responses-write'
import { alreadyImported, finalWrite } from './staged-responses-write'

export type ResponseImportResult = {
  rows: number
  matchedInvitations: number
  modes: Partial<Record<Mode, number>>
  /** Alerts the import opened itself (with `alerts` given), else 0. */
  alerts: number
}

const FOLD_BATCH = 200

/**
 * Imports keyed or postal responses (SPEC §5.3 rows, header first) into a wave: every row is
 * checked against the wave's survey; a `respondent` that is an invitee's email or invitation id
 * must not have answered yet and is marked, an email of nobody invited is refused, any other
 * value is an external id (so a file `exportResponses` wrote imports into another wave). The
 * rows, their invitations' marks and their aggregates land in one atomic write or not at all.
 * `importKey` (e.g. the file's hash) makes a re-run of the same file refused.
 *
 * With `alerts` (the host for message ids), low scores open their follow-up alerts in that same
 * write, judged while each row's answers are at hand, as `checkWaveAlerts` would judge them; and
 * if nothing older in the wave waits for that check, the wave's check mark moves past the
 * imported rows, so the check after the import has no million rows to read back.
 */
export async function importResponses(
  store: Store,
  loaded: WaveSurvey,
  rows: AsyncIterable<string[][]>,
  opts: {
    importKey: string
    mode?: Mode
    now?: Date
    onProgress?: (rows: number) => void
    alerts?: { host: string }
  },
): Promise<ResponseImportResult> {
  const { wave, survey, spec } = loaded
  const now = opts.now ?? new Date()
  const anonymous = isAnonymous(wave.audience)
  let fold = emptyCodeFold()
  let codes: { audience: typeof wave.audience; code: string }[] = []
  const modes: Partial<Record<Mode, number>> = {}
  let matched = 0
  const alertsOn = Boolean(opts.alerts) && !anonymous
  let alertIds: string[] = []
  let alerts = 0
  const keyPrefix = `import:${opts.importKey}:`
  const findInvitee = await inviteeFinder(store, wave.id)

  type Invitee = Awaited<ReturnType<NonNullable<typeof findInvitee>>>
  // Synchronous unless an invitee must be looked up: a million rows need no promise each.
  const responseRow = (read: RowResult): RowVerdict | Promise<RowVerdict> => {
    if (!read.ok) return { problem: read.issues.map((i) => i.message).join('; ') }
    const v = read.value
    if (!v.respondent || !findInvitee) return verdict(v, null)
    return findInvitee(v.respondent).then((invitation) => verdict(v, invitation))
  }

  const verdict = (v: RowAnswers, invitation: Invitee): RowVerdict => {
    if (v.respondent?.includes('@') && !invitation) {
      return {
        problem: `respondent: "${v.respondent}" is not the email of an invitee of this wave`,
      }
    }
    if (invitation?.responded)
      return { problem: `respondent: ${v.respondent} has already responded in this wave` }
    if (invitation) matched++
    const record = responseRecord(wave.audience, survey.definition, v.answers)
    // The invitee's, then the row's extra columns, then the answered segment questions.
    const segments: Record<string, string> = { ...invitation?.segments, ...v.extraSegments }
    for (const key in record.segments) {
      const value = record.segments[key]
      if (value !== null && value !== undefined && value !== '') segments[key] = value
    }
    const at = anonymous ? anonymousTime(v.submittedAt ?? now) : (v.submittedAt ?? now)
    // A continuous wave's period comes from the row's submission time, as for a web answer.
    const period = responsePeriod(wave, at)
    if (period) segments[PERIOD_SEGMENT] = period
    // The spec's segments include the contact list's own columns (db/wave-survey.ts waveSpec).
    for (const key of spec.segments ?? []) {
      if (!record.segments[key] && segments[key])
        (record.segments as Record<string, string | null>)[key] = segments[key]!
    }
    const code = ratingCode(record, spec)
    codes.push({ audience: wave.audience, code })
    if (codes.length >= FOLD_BATCH) {
      fold = foldRatingCodes(fold, spec as AggregateSpec, codes)
      codes = []
    }
    const mode = v.mode ?? opts.mode ?? 'postal'
    modes[mode] = (modes[mode] ?? 0) + 1
    // The check's rules for this response (the defaults apply to invitees only).
    const rules = alertsOn ? alertRulesFor(wave.alertRules, invitation !== null) : []
    const reasons = rules.length
      ? alertReasons(rules, {
          overall: record.overall,
          rebuy: record.rebuy,
          attributes: record.attributes,
          commented: hasComment(survey.definition, v.answers),
        })
      : null
    if (reasons?.length) {
      if (!alertIds.length) alertIds = randomIds('a', 1000)
      alerts++
    }
    // The values `finalWrite` reads back, by position (STAGED in staged-responses-write.ts).
    const cells: StagedCells = [
      JSON.stringify(v.answers),
      JSON.stringify(segments),
      mode,
      Math.floor(at.getTime() / 1000),
      code,
      anonymous ? null : (invitation?.id ?? null),
      // Any other respondent (a paper questionnaire's serial number, another system's id, the
      // `r<id>` an export writes) is kept as an external id in the submission key (SPEC §5.3);
      // never for an anonymous audience, where it could name the person.
      anonymous || invitation ? null : (v.respondent ?? null),
      // The alert this row opens, if any: its id and reasons.
      reasons?.length ? alertIds.pop()! : null,
      reasons?.length ? JSON.stringify(reasons) : null,
    ]
    return { key: invitation?.id ?? null, cells }
  }

  return stagedImport(
    store,
    rows,
    {
      noun: 'responses',
      header(header) {
        const reader = compileRowReader(survey.definition, wave.audience, header)
        if (!reader.ok) {
          throw new ImportRefused(
            reader.issues.map((i) => ({ row: 1, message: i.message })),
            reader.issues.length,
          )
        }
        return (cells) => responseRow(reader.readCells(cells))
      },
      duplicate: (_key, first) => `respondent: the same invitee is also on row ${first}`,
      finish: async (staging, count) => {
        if (await alreadyImported(store, wave.id, keyPrefix)) {
          throw new ImportRefused(
            [
              {
                row: 1,
                message: 'this file was already imported into this wave; nothing was added',
              },
            ],
            1,
          )
        }
        fold = foldRatingCodes(fold, spec as AggregateSpec, codes)
        await store.atomic(
          finalWrite(
            store,
            loaded,
            staging,
            keyPrefix,
            aggregateAdds(wave.id, aggregateFromCodeFold(fold, spec)),
            opts.alerts && !anonymous ? { host: opts.alerts.host, now } : null,
          ),
        )
        return { rows: count, matchedInvitations: matched, modes, alerts }
      },
    },
    opts,
  )
}
