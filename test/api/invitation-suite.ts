import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { enqueueInvitations } from '../../server/db/outbox'
import { alerts, invitationTokens, invitations, outbox, responses } from '../../server/db/schema'
import { getWave } from '../../server/db/waves'
import { importContacts } from '../../server/distribution/contacts-import'
import { importResponses } from '../../server/responses/responses-import'
import { loadWaveSurvey } from '../../server/db/wave-survey'
import { ImportRefused } from '../../server/db/staging'
import { makeCustomerAnswers, submission } from '../helpers/answers'
import type { ApiTarget } from './target'
import { json } from './target'

async function* rows(lines: string[][]) {
  yield lines
}

/** Imports contacts into a new wave of `surveyId` and queues their invitations: email → token. */
async function invitedWave(
  t: ApiTarget,
  surveyId: string,
  contacts: { email: string; region?: string }[],
) {
  const { id } = await t.createWave({ surveyId, name: `Invited ${surveyId}` })
  const wave = (await getWave(t.store.db, id))!
  await importContacts(
    t.store,
    wave,
    // A region column only where a test uses one: employee lists take only the survey's groups.
    contacts.some((c) => c.region)
      ? rows([['email', 'name', 'region'], ...contacts.map((c) => [c.email, 'X', c.region ?? ''])])
      : rows([['email', 'name'], ...contacts.map((c) => [c.email, 'X'])]),
  )
  await enqueueInvitations(t.store, id, 'test.example', new Date())
  const queued = await t.store.db
    .select({ email: invitations.email, token: outbox.token, invitationId: invitations.id })
    .from(outbox)
    .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
  const tokens = Object.fromEntries(queued.map((q) => [q.email, q.token!]))
  return {
    waveId: id,
    tokens,
    ids: Object.fromEntries(queued.map((q) => [q.email, q.invitationId])),
  }
}

/** Invitations, drafts, one response per invitation and anonymity: the same on Node and workerd. */
export function invitationSuite(target: () => ApiTarget) {
  describe('invitation links', () => {
    test('100 concurrent submits on one invitation store exactly one response; the link is then used', async () => {
      const t = target()
      const { waveId, tokens } = await invitedWave(t, 'customer', [
        { email: 'ana@example.com', region: 'north' },
      ])
      const token = tokens['ana@example.com']!
      const view = await (await t.fetch(`/api/links/${token}`)).json()
      expect(view.link.kind).toBe('invitation')
      const body = submission(makeCustomerAnswers({ region: undefined, overall: 2 }))
      const results = await Promise.all(
        Array.from({ length: 100 }, () => t.fetch(`/api/links/${token}/responses`, json(body))),
      )
      const statuses = results.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(1)
      expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true)
      const stored = await t.responses(waveId)
      expect(stored).toHaveLength(1)
      // The contact list's region fills the unanswered segment question.
      expect(stored[0]!.segments).toEqual({ region: 'north' })
      // Overall at 2 is a low score: one alert and, nobody owning it, one thank-you that promises
      // no call, written in the same atomic write as the one stored response (a D1 batch on
      // workerd). Complaint handling at 2 alone would not: attribute rules are opt-in.
      const opened = await t.store.db.select().from(alerts).where(eq(alerts.waveId, waveId))
      expect(opened.map((a) => [a.contactEmail, a.reasons])).toEqual([
        ['ana@example.com', ['overall:2']],
      ])
      const followUps = await t.store.db
        .select({ kind: outbox.kind })
        .from(outbox)
        .where(eq(outbox.alertId, opened[0]!.id))
      expect(followUps).toEqual([{ kind: 'thanks' }])
      const used = await t.fetch(`/api/links/${token}`)
      expect(used.status).toBe(409)
      expect((await used.json()).error.message).toContain('already answered')
    })

    test('answers saved as the respondent goes come back when the link is opened again', async () => {
      const t = target()
      const { tokens } = await invitedWave(t, 'customer', [{ email: 'bo@example.com' }])
      const token = tokens['bo@example.com']!
      const put = await t.fetch(`/api/links/${token}/draft`, {
        ...json({ data: { overall: 3 }, pageNo: 1 }),
        method: 'PUT',
      })
      expect(put.status).toBe(200)
      expect((await (await t.fetch(`/api/links/${token}`)).json()).link.saved).toEqual({
        data: { overall: 3 },
        pageNo: 1,
      })
      const bad = await t.fetch(`/api/links/${token}/draft`, {
        ...json({ data: [], pageNo: -1 }),
        method: 'PUT',
      })
      expect(bad.status).toBe(400)
      expect((await bad.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        'data',
        'pageNo',
      ])
    })

    test('an employee response carries nothing that leads back to the invitee', async () => {
      const t = target()
      const { waveId, tokens, ids } = await invitedWave(t, 'employee', [
        { email: 'staff@example.com' },
        { email: 'other@example.com' },
      ])
      const answers = { overall: 4, attributes: { product_quality: 4 } }
      const res = await t.fetch(
        `/api/links/${tokens['staff@example.com']}/responses`,
        json({ ...submission(answers), startedAt: new Date().toISOString() }),
      )
      expect(res.status, await res.clone().text()).toBe(201)
      const [row] = await t.store.db.select().from(responses).where(eq(responses.waveId, waveId))
      expect(row!.invitationId).toBeNull()
      expect(row!.startedAt).toBeNull()
      expect(
        row!.submittedAt.getUTCHours() +
          row!.submittedAt.getUTCMinutes() +
          row!.submittedAt.getUTCSeconds(),
      ).toBe(0)
      expect(row!.submissionKey).not.toContain(ids['staff@example.com']!)
      // No value of the response equals anything that identifies the invitee: nothing to join on.
      const staffId = ids['staff@example.com']!
      const [person] = await t.store.db
        .select()
        .from(invitations)
        .where(eq(invitations.id, staffId))
      const identifying = [
        person!.id,
        person!.email,
        person!.lastSentAt?.getTime(),
        person!.createdAt.getTime(),
        ...(
          await t.store.db
            .select()
            .from(invitationTokens)
            .where(eq(invitationTokens.invitationId, staffId))
        ).map((r) => r.hash),
        ...(await t.store.db.select().from(outbox).where(eq(outbox.invitationId, staffId))).flatMap(
          (r) => [r.messageId, r.createdAt.getTime()],
        ),
      ].filter((v) => v !== undefined && v !== null)
      const values = Object.values(row!).map((v) => (v instanceof Date ? v.getTime() : v))
      for (const v of values) expect(identifying).not.toContain(v)
      expect(JSON.stringify(row)).not.toContain(staffId)
      expect(JSON.stringify(row)).not.toContain('staff@example.com')
      // The invitation knows only that it was used.
      const [inv] = await t.store.db
        .select()
        .from(invitations)
        .where(eq(invitations.id, ids['staff@example.com']!))
      expect(inv!.responded).toBe(true)
      expect(inv!.draft).toBeNull()
    })

    test('a response file with bad rows imports nothing and names every bad row', async () => {
      const t = target()
      const { waveId, ids } = await invitedWave(t, 'customer', [{ email: 'ana@example.com' }])
      const loaded = (await loadWaveSurvey(t.store.db, waveId))!
      const lines = [
        ['respondent', 'overall', 'rebuy', 'product_quality'],
        ['ana@example.com', '4', '5', '3'],
        ['', '9', '4', '4'],
        ['nobody@example.com', '3', '3', '3'],
        ['ANA@example.com', '2', '2', '2'],
        ...Array.from({ length: 200 }, () => ['', '4', '4', '4']),
      ]
      const err = await importResponses(t.store, loaded, rows(lines), { importKey: 'k1' }).catch(
        (e) => e,
      )
      expect(err).toBeInstanceOf(ImportRefused)
      expect(err.problems.map((p: { row: number }) => p.row)).toEqual([3, 4, 5])
      expect(err.problems[0].message).toBe('overall: "9" is not an integer from 1 to 5')
      expect(await t.responses(waveId)).toEqual([])
      const [inv] = await t.store.db
        .select()
        .from(invitations)
        .where(eq(invitations.id, ids['ana@example.com']!))
      expect(inv!.responded).toBe(false)
      // The good rows alone go in, with their aggregates, in one write.
      const ok = await importResponses(
        t.store,
        loaded,
        rows([lines[0]!, lines[1]!, ...lines.slice(5)]),
        { importKey: 'k2' },
      )
      expect(ok).toMatchObject({ rows: 201, matchedInvitations: 1, modes: { postal: 201 } })
      expect(await t.responses(waveId)).toHaveLength(201)
    })

    test('a contact file with a bad row imports nothing', async () => {
      const t = target()
      const { id } = await t.createWave({ surveyId: 'customer', name: 'Bad import' })
      const wave = (await getWave(t.store.db, id))!
      const lines = [
        ['email', 'audience'],
        ...Array.from({ length: 300 }, (_, i) => [`p${i}@example.com`, 'customer']),
        ['broken', 'customer'],
      ]
      const err = await importContacts(t.store, wave, rows(lines)).catch((e) => e)
      expect(err, String(err?.stack)).toBeInstanceOf(ImportRefused)
      expect(err.problems).toEqual([
        { row: 302, message: 'email: "broken" is not an email address' },
      ])
      expect(await t.store.db.select().from(invitations).where(eq(invitations.waveId, id))).toEqual(
        [],
      )
    })
  })
}
