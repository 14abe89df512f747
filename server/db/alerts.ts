import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Statement } from './atomic'
import { rawStatement } from './atomic'
import type { Db } from './client'
import { alertOpenedEvent } from './webhooks'

/** The settings keys of the round-robin team (a JSON array of emails) and whose turn is next. */
export const TEAM_KEY = 'alerts.team'
export const TURN_KEY = 'alerts.team.turn'
/** How owners hear of alerts, `each` (one email per alert, the default) or `daily` (a digest). */
export const DELIVERY_KEY = 'alerts.delivery'
/** One owner's own choice overrides the programme's: this key plus ':' and their email. */
export const ownerDeliveryKey = (email: string) => `${DELIVERY_KEY}:${email.toLowerCase()}`

/**
 * SQL: whether anyone takes a daily digest, the programme or one owner (a range of the
 * settings' key, read once per statement): most programmes do not, and their alerts then skip
 * the per-owner look-ups.
 */
const anyoneTakesDigest = sql`exists (select 1 from settings d
  where d.key >= ${DELIVERY_KEY} and d.key < ${`${DELIVERY_KEY}~`} and d.value = 'daily')`

/** SQL: whether the owner (SQL giving an email) hears of alerts in a daily digest. */
export function ownerWantsDigest(owner: SQL) {
  return sql`(coalesce((select o.value from settings o where o.key = ${DELIVERY_KEY} || ':' || lower(${owner})),
                       (select p.value from settings p where p.key = ${DELIVERY_KEY}), 'each') = 'daily')`
}

/**
 * The team member whose turn it is, `offset` places after the next one (SQL, null without a
 * team). Read and moved on inside the write that opens the alert: writes are serialised (one
 * group commit on Node, one D1 batch), so concurrent submissions never get the same turn.
 */
export function teamMemberInTurn(offset: SQL = sql`0`) {
  return sql`(select json_extract(t.value, '$[' || ((coalesce((select cast(n.value as integer) from settings n where n.key = ${TURN_KEY}), 0) + ${offset}) % json_array_length(t.value)) || ']')
              from settings t where t.key = ${TEAM_KEY} and json_array_length(t.value) > 0)`
}

/** Moves the turn on by `count` (SQL) when it is above 0. */
export function advanceTurn(db: Db, count: SQL) {
  return rawStatement(
    db,
    sql`insert into settings (key, value) select ${TURN_KEY}, cast(c.n as text) from (select ${count} as n) c where c.n > 0
        on conflict (key) do update set value = cast(cast(settings.value as integer) + excluded.value as text)`,
  )
}

/**
 * The respondent's email and the owner's for alerts just opened (`opened`: a SELECT with column
 * id): an acknowledgement that promises a contact when the alert has an owner, otherwise a thanks
 * that promises nothing (only for invited respondents); and the note to the owner, or, when the
 * owner takes a daily digest, the mark that the alert waits for it. Each only once per alert
 * (unique per alert and kind), however often a response is re-checked.
 */
export function followUpEmails(db: Db, waveId: string, opened: SQL, host: string, due: number) {
  return [
    rawStatement(
      db,
      sql`insert into outbox (invitation_id, alert_id, wave_id, kind, seq, message_id, next_attempt_at)
          select a.invitation_id, a.id, ${waveId}, a.kind, 0, '<' || a.kind || '.' || a.id || '@' || ${host} || '>', ${due}
          from (select id, invitation_id, case when owner_email is null then 'thanks' else 'acknowledgement' end as kind
                from alerts where id in (${opened})) a
          where a.invitation_id is not null
          on conflict do nothing`,
    ),
    // An owner who takes a daily digest gets no email now: the alert waits for the digest. Only
    // an alert not yet emailed nor listed, so a re-run after a switch of mode tells nobody twice.
    rawStatement(
      db,
      sql`update alerts set via_digest = 1
          where ${anyoneTakesDigest} and id in (${opened}) and owner_email is not null and digest_id is null
            and not exists (select 1 from outbox o where o.alert_id = alerts.id and o.kind = 'alert')
            and ${ownerWantsDigest(sql`alerts.owner_email`)}`,
    ),
    rawStatement(
      db,
      sql`insert into outbox (alert_id, to_email, wave_id, kind, seq, message_id, next_attempt_at)
          select a.id, a.owner_email, ${waveId}, 'alert', 0, '<alert.' || a.id || '@' || ${host} || '>', ${due}
          from alerts a
          where a.id in (${opened}) and a.owner_email is not null and a.via_digest = 0
          on conflict do nothing`,
    ),
  ]
}

export type NewAlert = {
  alertId: string
  waveId: string
  /** Finds the response the alert is about, inside the same write that may insert it. */
  response: { submissionKey: string } | { id: number }
  invitation: { id: string; email: string; name: string | null } | null
  /** The contact's owner or the wave's; null: the next member of the team in turn, if any. */
  ownerEmail: string | null
  reasons: readonly string[]
  host: string
  now: Date
}

/**
 * The statements that open one alert and queue its emails (see {@link followUpEmails}). An alert
 * nobody owns goes to the team member whose turn it is. Every later statement is conditional on
 * the alert row having been inserted just now, and the alert is unique per response: re-checking
 * a response (retry, re-run, restart) adds nothing, sends nothing twice and takes no turn.
 */
export function alertStatements(db: Db, a: NewAlert): Statement[] {
  const responseId =
    'id' in a.response
      ? sql`${a.response.id}`
      : sql`(select id from responses where wave_id = ${a.waveId} and submission_key = ${a.response.submissionKey})`
  const due = Math.floor(a.now.getTime() / 1000)
  const owner = a.ownerEmail === null ? teamMemberInTurn() : sql`${a.ownerEmail}`
  const statements = [
    rawStatement(
      db,
      sql`insert into alerts (id, wave_id, response_id, invitation_id, contact_email, contact_name, owner_email, reasons)
          select ${a.alertId}, ${a.waveId}, ${responseId}, ${a.invitation?.id ?? null}, ${a.invitation?.email ?? null},
                 ${a.invitation?.name ?? null}, ${owner}, ${JSON.stringify(a.reasons)}
          on conflict (response_id) do nothing`,
    ),
  ]
  if (a.ownerEmail === null)
    statements.push(
      advanceTurn(
        db,
        sql`(select count(*) from alerts where id = ${a.alertId} and owner_email is not null)`,
      ),
    )
  statements.push(
    ...followUpEmails(db, a.waveId, sql`select ${a.alertId}`, a.host, due),
    alertOpenedEvent(db, sql`select ${a.alertId} as id`, a.now),
  )
  return statements
}
