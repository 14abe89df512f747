import { and, eq, gte, lt, sql } from 'drizzle-orm'
import type { AggregateAdd } from '../db/aggregate-adds'
import { addStatements } from '../db/aggregates'
import type { Statement } from '../db/atomic'
import { rawStatement } from '../db/atomic'
import type { Store } from '../db/client'
import { importRows, invitations, responses, waves } from '../db/schema'
import type { Staging } from '../db/staging'
import type { loadWaveSurvey } from '../db/wave-survey'
import { alertOpenings } from '../follow-ups/check-alerts'

export type WaveSurvey = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/** Where each value of a staged response sits (see `cells` in `importResponses`). */
export const STAGED = {
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

/** Staged rows become responses, their invitees are marked, their aggregates added: one write. */
export function finalWrite(
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

/** Whether responses with this import's key prefix are already in the wave (a re-run file). */
export async function alreadyImported(store: Store, waveId: string, prefix: string) {
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
