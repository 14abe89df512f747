import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Statement } from '../db/atomic'
import { rawStatement } from '../db/atomic'
import type { Db, Store } from '../db/client'
import { invitations, responses, waves } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import { advanceTurn, followUpEmails, TEAM_KEY, teamMemberInTurn } from '../db/alerts'
import { alertOpenedEvent } from '../db/webhooks'
import { ratingsOf } from '../surveys'
import { alertReasons, alertRulesFor } from './alert-rules'
import { hasComment } from '../surveys/comments-of'
import { isAnonymous } from '../surveys/audiences'
import { randomIds } from '../lib/tokens'

// Large pages, one write each (every commit waits for the disk), and a page's alerts as one JSON
// parameter per statement unpacked by json_each: a handful of statements per page whatever the
// number of alerts, two or three bound parameters each (D1 allows 100), no per-alert query built.
const PAGE = 5000
const ALERTS_PER_STATEMENT = 500

/** One alert to open: [alert id, response id, invitation id, email, name, owner, reasons JSON]. */
type PackedAlert = [
  string,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
]

/**
 * Checks a wave's responses that no check has seen yet (imported ones: keyed, postal) against
 * its alert rules, opening alerts and queueing their emails, and moves the wave's mark on in
 * the same write. Safe to run any number of times: an alert is unique per response, so a
 * response checked twice (a crash between import and check, a re-run) adds nothing.
 */
export async function checkWaveAlerts(
  store: Store,
  waveId: string,
  host: string,
  now = new Date(),
) {
  const loaded = await loadWaveSurvey(store.db, waveId)
  if (!loaded || isAnonymous(loaded.wave.audience)) return { checked: 0, matched: 0 }
  const { wave, survey } = loaded
  let after = wave.alertsCheckedThrough
  let checked = 0
  let matched = 0
  for (;;) {
    const page = await store.db
      .select({
        id: responses.id,
        answers: responses.answers,
        invitationId: invitations.id,
        email: invitations.email,
        name: invitations.name,
        owner: invitations.owner,
      })
      .from(responses)
      .leftJoin(invitations, eq(invitations.id, responses.invitationId))
      .where(and(eq(responses.waveId, waveId), gt(responses.id, after)))
      .orderBy(asc(responses.id))
      .limit(PAGE)
    if (page.length === 0) break
    const opened: PackedAlert[] = []
    if (wave.alertRules?.length !== 0) {
      for (const r of page) {
        const rules = alertRulesFor(wave.alertRules, r.invitationId !== null)
        if (rules.length === 0) continue
        const ratings = ratingsOf(survey.definition, r.answers)
        const reasons = alertReasons(rules, {
          ...ratings,
          commented: hasComment(survey.definition, r.answers),
        })
        if (reasons.length === 0) continue
        opened.push([
          '',
          r.id,
          r.invitationId,
          r.invitationId ? r.email : null,
          r.invitationId ? r.name : null,
          r.owner ?? wave.ownerEmail ?? null,
          JSON.stringify(reasons),
        ])
      }
      const ids = randomIds('a', opened.length)
      opened.forEach((a, i) => (a[0] = ids[i]!))
    }
    matched += opened.length
    after = page[page.length - 1]!.id
    checked += page.length
    const statements: Statement[] = []
    for (let i = 0; i < opened.length; i += ALERTS_PER_STATEMENT)
      statements.push(
        ...openAlerts(store.db, waveId, opened.slice(i, i + ALERTS_PER_STATEMENT), host, now),
      )
    await store.atomic([
      store.db
        .update(waves)
        .set({ alertsCheckedThrough: sql`max(${waves.alertsCheckedThrough}, ${after})` })
        .where(eq(waves.id, waveId)),
      ...statements,
    ])
  }
  return { checked, matched }
}

/** A chunk of packed alerts as {@link alertOpenings} reads its rows. */
function openAlerts(db: Db, waveId: string, chunk: PackedAlert[], host: string, now: Date) {
  const packed = JSON.stringify(chunk)
  return alertOpenings(
    db,
    waveId,
    sql`select value ->> 0 as id, value ->> 1 as response_id, value ->> 2 as invitation_id,
               value ->> 3 as email, value ->> 4 as name, value ->> 5 as owner, value ->> 6 as reasons
        from json_each(${packed})`,
    host,
    now,
  )
}

/**
 * The statements that open alerts and queue their emails, as `alertStatements` in db/alerts.ts
 * does for one: the acknowledgement (or, nobody owning the alert, the thanks) to an invited
 * respondent and the note to the owner, each only for an alert inserted just now (an alert is
 * unique per response). Alerts without an owner go to the round-robin team in turn, in response
 * order. `source` is a SELECT giving one row per alert with columns id, response_id,
 * invitation_id, email, name, owner, reasons (a JSON array of reason codes); an import selects
 * them from its staged rows. `opened`, when the caller can say which alerts the first statement
 * inserted more cheaply than reading `source` again, is a SELECT of those (column id first).
 */
export function alertOpenings(
  db: Db,
  waveId: string,
  source: SQL,
  host: string,
  now: Date,
  opened?: SQL,
) {
  const due = Math.floor(now.getTime() / 1000)
  const insertedIds = opened
    ? sql`select o.id from (${opened}) o`
    : sql`select s.id from (${source}) s`
  // Read `source` again only when there is a team to take turns (CASE is evaluated lazily).
  const turnsTaken = sql`(case when exists (select 1 from settings where key = ${TEAM_KEY}) then
      (select count(*) from (${source}) s where s.owner is null
         and exists (select 1 from alerts a where a.id = s.id and a.owner_email is not null))
    else 0 end)`
  return [
    rawStatement(
      db,
      sql`insert into alerts (id, wave_id, response_id, invitation_id, contact_email, contact_name, owner_email, reasons)
          select j.id, ${waveId}, j.response_id, j.invitation_id, j.email, j.name,
                 coalesce(j.owner, ${teamMemberInTurn(sql`j.turn - 1`)}), j.reasons
          from (select s.*, sum(s.owner is null) over (order by s.response_id rows unbounded preceding) as turn
                from (${source}) s) j where true
          on conflict (response_id) do nothing`,
    ),
    advanceTurn(db, turnsTaken),
    ...followUpEmails(db, waveId, insertedIds, host, due),
    alertOpenedEvent(db, sql`select j.id as id from (${opened ?? source}) j`, now),
  ]
}
