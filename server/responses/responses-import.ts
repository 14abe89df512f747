import { and, eq, gte, lt, sql } from 'drizzle-orm'
import type { AggregateSpec } from '../../reports'
import { aggregateFromCodeFold, emptyCodeFold, foldRatingCodes, ratingCode } from '../../reports'
import type { AggregateAdd } from '../db/aggregate-adds'
import { addStatements, aggregateAdds } from '../db/aggregates'
import type { Statement } from '../db/atomic'
import { rawStatement } from '../db/atomic'
import type { Store } from '../db/client'
import { importRows, invitations, responses, waves } from '../db/schema'
import type { Mode } from '../db/schema'
import type { loadWaveSurvey } from '../db/wave-survey'
import { responseRecord } from '../surveys/response-record'
import { anonymousTime, isAnonymous } from '../surveys/audiences'
import { alertReasons, alertRulesFor } from '../follow-ups/alert-rules'
import { alertOpenings } from '../follow-ups/check-alerts'
import { randomIds } from '../lib/tokens'
import { hasComment } from '../surveys/comments-of'
import { compileRowReader } from './response-row-answers'
import type { RowAnswers, RowResult } from './response-row-answers'
import type { RowVerdict } from '../db/staged-import'
import { stagedImport } from '../db/staged-import'
import type { StagedCells, Staging } from '../db/staging'
import { ImportRefused } from '../db/staging'

type WaveSurvey = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

export type ResponseImportResult = {
  rows: number
  matchedInvitations: number
  modes: Partial<Record<Mode, number>>
  /** Alerts the import opened itself (with `alerts` given), else 0. */
  alerts: number
}

const FOLD_BATCH = 200

/** Where each value of a staged response sits (see `cells` in `importResponses`). */
const STAGED = {
  answers: 0,
  segments: 1,
  mode: 2,
  submittedAt: 3,
  ratings: 4,
  invitation: 5,
  external: 6,
  alertId: 7,
  alertReasons: 8,
} as const

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
    const at = anonymous ? anonymousTime(v.submittedAt ?? now) : (v.submittedAt ?? now)
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
    // The values `finalWrite` reads back, by position (STAGED below).
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

/** Staged rows become responses, their invitees are marked, their aggregates added: one write. */
function finalWrite(
  store: Store,
  { wave, survey }: WaveSurvey,
  staging: Staging,
  keyPrefix: string,
  adds: AggregateAdd[],
  alerts: { host: string; now: Date } | null,
) {
  const cell = (name: keyof typeof STAGED) => staging.cell(STAGED[name])
  // The first response this write adds (ids grow: every later one of the wave is this import's).
  const firstNew = sql`(select min(r.id) from ${responses} r where r.wave_id = ${wave.id}
    and r.submission_key >= ${keyPrefix} and r.submission_key < ${`${keyPrefix}\uffff`})`
  const submissionKey = sql`${keyPrefix} || ${importRows.rowNo} || coalesce(':' || ${cell('external')}, '')`
  return [
    rawStatement(
      store.db,
      sql`update ${invitations} set responded = 1, started = 1, draft = null
          where id in (select ${importRows.key} from ${importRows}
                       where ${importRows.importId} = ${staging.importId} and ${importRows.key} is not null)`,
    ),
    rawStatement(
      store.db,
      sql`insert into ${responses} (wave_id, survey_id, survey_version, audience, mode, answers, segments,
                                    submission_key, invitation_id, ratings, started_at, submitted_at)
          select ${wave.id}, ${survey.surveyId}, ${survey.version}, ${wave.audience}, ${cell('mode')},
                 ${cell('answers')}, ${cell('segments')}, ${submissionKey},
                 ${cell('invitation')}, ${cell('ratings')}, null, ${cell('submittedAt')}
          from ${importRows} where ${importRows.importId} = ${staging.importId} order by ${importRows.rowNo}`,
    ),
    ...(alerts
      ? [
          ...alertOpenings(
            store.db,
            wave.id,
            sql`select ${cell('alertId')} as id, r.id as response_id, r.invitation_id as invitation_id,
                       case when r.invitation_id is not null then i.email end as email,
                       case when r.invitation_id is not null then i.name end as name,
                       coalesce(i.owner, ${wave.ownerEmail}) as owner, ${cell('alertReasons')} as reasons
                from ${importRows}
                join ${responses} r on r.wave_id = ${wave.id} and r.submission_key = ${submissionKey}
                left join ${invitations} i on i.id = r.invitation_id
                where ${importRows.importId} = ${staging.importId} and ${cell('alertId')} is not null`,
            alerts.host,
            alerts.now,
            // The import's responses are new, so each of its alerts was inserted: those on the
            // wave's responses from the first one this write added.
            sql`select a.id, a.invitation_id, a.owner_email as owner from alerts a
                where a.wave_id = ${wave.id} and a.response_id >= ${firstNew}`,
          ),
          // Every response of the wave past the check mark is now one of these, checked: the mark
          // moves past them. Older unchecked ones keep it where it is, for the check to read.
          rawStatement(
            store.db,
            sql`update ${waves} set alerts_checked_through = (select max(id) from ${responses} where wave_id = ${wave.id})
                where id = ${wave.id} and not exists (
                  select 1 from ${responses} r where r.wave_id = ${wave.id}
                    and r.id > ${waves.alertsCheckedThrough} and r.id < ${firstNew})`,
          ),
        ]
      : []),
    ...addStatements(store.db, adds),
    staging.dropStatement(),
  ] as [Statement, ...Statement[]]
}

/**
 * Finds invitees by email or invitation id, with what the import needs of them. A wave without
 * invitations (an open-link or postal wave) needs no lookup; otherwise the two lookups are
 * prepared once per import, not built per row (a million rows each carry a respondent).
 */
async function inviteeFinder(store: Store, waveId: string) {
  const [any] = await store.db
    .select({ id: invitations.id })
    .from(invitations)
    .where(eq(invitations.waveId, waveId))
    .limit(1)
  if (!any) return null
  const lookup = (column: typeof invitations.email | typeof invitations.id) =>
    store.db
      .select({
        id: invitations.id,
        segments: invitations.segments,
        responded: invitations.responded,
      })
      .from(invitations)
      .where(and(eq(invitations.waveId, waveId), eq(column, sql.placeholder('respondent'))))
      .prepare()
  const byEmail = lookup(invitations.email)
  const byId = lookup(invitations.id)
  return async (respondent: string) => {
    const [row] = respondent.includes('@')
      ? await byEmail.all({ respondent: respondent.toLowerCase() })
      : await byId.all({ respondent })
    return row ?? null
  }
}

async function alreadyImported(store: Store, waveId: string, prefix: string) {
  const [row] = await store.db
    .select({ id: responses.id })
    .from(responses)
    .where(
      and(
        eq(responses.waveId, waveId),
        gte(responses.submissionKey, prefix),
        lt(responses.submissionKey, `${prefix}\uffff`),
      ),
    )
    .limit(1)
  return Boolean(row)
}
