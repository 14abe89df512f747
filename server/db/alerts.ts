import { sql } from 'drizzle-orm'
import type { Statement } from './atomic'
import { rawStatement } from './atomic'
import type { Db } from './client'
import { alertOpenedEvent } from './webhooks'

export type NewAlert = {
  alertId: string
  waveId: string
  /** Finds the response the alert is about, inside the same write that may insert it. */
  response: { submissionKey: string } | { id: number }
  invitation: { id: string; email: string; name: string | null } | null
  ownerEmail: string | null
  reasons: readonly string[]
  host: string
  now: Date
}

/**
 * The statements that open one alert and queue its emails: the acknowledgement to an invited
 * respondent and the note to the owner. Every insert is conditional on the alert row having
 * been inserted just now, and the alert is unique per response: re-checking a response (retry,
 * re-run, restart) adds nothing and sends nothing twice.
 */
export function alertStatements(db: Db, a: NewAlert): Statement[] {
  const responseId =
    'id' in a.response
      ? sql`${a.response.id}`
      : sql`(select id from responses where wave_id = ${a.waveId} and submission_key = ${a.response.submissionKey})`
  const due = Math.floor(a.now.getTime() / 1000)
  const statements = [
    rawStatement(
      db,
      sql`insert into alerts (id, wave_id, response_id, invitation_id, contact_email, contact_name, owner_email, reasons)
          select ${a.alertId}, ${a.waveId}, ${responseId}, ${a.invitation?.id ?? null}, ${a.invitation?.email ?? null},
                 ${a.invitation?.name ?? null}, ${a.ownerEmail}, ${JSON.stringify(a.reasons)}
          on conflict (response_id) do nothing`,
    ),
  ]
  const justInserted = sql`exists (select 1 from alerts where id = ${a.alertId})`
  if (a.invitation)
    statements.push(
      rawStatement(
        db,
        sql`insert into outbox (invitation_id, alert_id, wave_id, kind, seq, message_id, next_attempt_at)
            select ${a.invitation.id}, ${a.alertId}, ${a.waveId}, 'acknowledgement', 0,
                   ${`<acknowledgement.${a.alertId}@${a.host}>`}, ${due}
            where ${justInserted}
            on conflict do nothing`,
      ),
    )
  if (a.ownerEmail)
    statements.push(
      rawStatement(
        db,
        sql`insert into outbox (alert_id, to_email, wave_id, kind, seq, message_id, next_attempt_at)
            select ${a.alertId}, ${a.ownerEmail}, ${a.waveId}, 'alert', 0,
                   ${`<alert.${a.alertId}@${a.host}>`}, ${due}
            where ${justInserted}
            on conflict do nothing`,
      ),
    )
  statements.push(alertOpenedEvent(db, sql`select ${a.alertId} as id`, a.now))
  return statements
}
