import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { invitations, responses } from '../../../server/db/schema'
import { closeWave, createWave } from '../../../server/db/waves'
import { importContacts } from '../../../server/distribution/contacts-import'
import { runSchedule } from '../../../server/distribution/scheduled-run'
import { json } from '../../api/target'
import { makeCustomerAnswers, makeEmployeeAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { invitedWave } from '../../helpers/invited-wave'
import { signedInAs } from '../../helpers/session'

// SPEC §6a: HR (or admin) with the API, and a copy of the database, tries to learn one named
// employee's answers through fieldwork: the invitee list, interviews, drafts, response ids.

async function* rows(lines: string[][]) {
  yield lines
}

async function setUp() {
  const t = await makeTestApp()
  const wave = (surveyId: string, emails: string[], closesAt?: Date) =>
    invitedWave(t.store, surveyId, emails, closesAt)
  const as = async (role: 'admin' | 'hr') => {
    const cookie = await signedInAs(t.app, t.store, role)
    return { cookie, Origin: 'http://localhost:8787' }
  }
  return { ...t, wave, as }
}

describe('employee anonymity against HR and admin: fieldwork', () => {
  test('the invitee list never shows who responded: HR and admin are refused, with counts only elsewhere', async () => {
    const t = await setUp()
    const w = await t.wave('employee', ['e1@example.com', 'e2@example.com'])
    const token = w.invitees['e1@example.com']!.token!
    expect(
      (
        await t.app.request(
          `/api/links/${token}/responses`,
          json(submission(makeEmployeeAnswers())),
        )
      ).status,
    ).toBe(201)
    for (const role of ['hr', 'admin'] as const) {
      const headers = await t.as(role)
      const res = await t.app.request(`/api/waves/${w.id}/invitations?q=e1`, { headers })
      expect(res.status).toBe(403)
      const body = await res.text()
      expect(body).not.toContain('e1@example.com')
      expect(body).not.toContain('responded"')
    }
    const hr = await t.as('hr')
    const list = await (await t.app.request('/api/waves', { headers: hr })).json()
    expect(list.waves[0].invitations).toMatchObject({ invited: 2, responded: 1 })
  })

  test('HR cannot key an interview in a named employee’s name, and the employee’s own link still works', async () => {
    const t = await setUp()
    const w = await t.wave('employee', ['e1@example.com'])
    const e1 = w.invitees['e1@example.com']!
    for (const role of ['hr', 'admin'] as const) {
      const res = await t.app.request(
        `/api/waves/${w.id}/interviews`,
        json(
          { invitationId: e1.id, mode: 'phone', data: makeEmployeeAnswers({ overall: 1 }) },
          { headers: await t.as(role) },
        ),
      )
      expect(res.status).toBe(403)
      expect((await res.json()).error.message).toMatch(/employee survey/)
    }
    expect(await t.db.select().from(responses)).toEqual([])
    const own = await t.app.request(
      `/api/links/${e1.token}/responses`,
      json(submission(makeEmployeeAnswers())),
    )
    expect(own.status).toBe(201)
  })

  test('an employee’s draft is unreadable without their token, resumes with it, and dies at close', async () => {
    const t = await setUp()
    const w = await t.wave('employee', ['e1@example.com', 'e2@example.com'])
    const [e1, e2] = [w.invitees['e1@example.com']!, w.invitees['e2@example.com']!]
    const secret = 'My manager, Pat, ignores every safety report'
    const draft = { data: { overall: 1, comments: secret }, pageNo: 2 }
    const put = await t.app.request(`/api/links/${e1.token}/draft`, {
      ...json(draft),
      method: 'PUT',
    })
    expect(put.status).toBe(200)

    // What a copy of the database (or an admin with SQL) holds: no answer, no comment.
    const [row] = await t.db
      .select({ draft: sql<string>`cast(${invitations.draft} as text)` })
      .from(invitations)
      .where(eq(invitations.id, e1.id))
    expect(row!.draft).not.toContain('Pat')
    expect(row!.draft).not.toContain('overall')
    expect(JSON.parse(row!.draft)).toEqual({ sealed: expect.any(String) })

    // The respondent resumes with their own link; another employee's link sees nothing of it.
    const mine = await (await t.app.request(`/api/links/${e1.token}`)).json()
    expect(mine.link.saved).toEqual(draft)
    const theirs = await (await t.app.request(`/api/links/${e2.token}`)).json()
    expect(theirs.link.saved).toBeNull()

    await closeWave(t.db, w.id, new Date())
    const [after] = await t.db.select().from(invitations).where(eq(invitations.id, e1.id))
    expect(after!.draft).toBeNull()
  })

  test('drafts of a wave closed by its date are deleted by the scheduled run', async () => {
    const t = await setUp()
    const w = await t.wave('employee', ['e1@example.com'], new Date(Date.now() + 60_000))
    const e1 = w.invitees['e1@example.com']!
    await t.app.request(`/api/links/${e1.token}/draft`, {
      ...json({ data: { overall: 2 }, pageNo: 0 }),
      method: 'PUT',
    })
    await runSchedule(t.store, {
      host: 'test.example',
      now: new Date(Date.now() + 120_000),
      send: () => {},
    })
    const [after] = await t.db.select().from(invitations).where(eq(invitations.id, e1.id))
    expect(after!.draft).toBeNull()
  })

  test('a customer’s draft is still kept in the clear for them (only anonymous waves seal)', async () => {
    const t = await setUp()
    const w = await t.wave('customer', ['c@example.com'])
    const c = w.invitees['c@example.com']!
    const draft = { data: { overall: 3 }, pageNo: 1 }
    await t.app.request(`/api/links/${c.token}/draft`, { ...json(draft), method: 'PUT' })
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, c.id))
    expect(row!.draft).toEqual(draft)
  })

  test('stored ids and order reveal no employee submission time: ids are random, customers’ stay consecutive', async () => {
    const t = await setUp()
    const staff = await t.wave('employee', ['e1@example.com', 'e2@example.com', 'e3@example.com'])
    const customers = await t.wave('customer', [
      'c1@example.com',
      'c2@example.com',
      'c3@example.com',
      'c4@example.com',
    ])
    const submit = (token: string, data: Record<string, unknown>) =>
      t.app.request(`/api/links/${token}/responses`, json(submission(data)))
    // Interleaved in time: c1, e1, c2, e2, c3, e3, c4.
    for (const i of [1, 2, 3]) {
      expect(
        (await submit(customers.invitees[`c${i}@example.com`]!.token!, makeCustomerAnswers()))
          .status,
      ).toBe(201)
      expect(
        (await submit(staff.invitees[`e${i}@example.com`]!.token!, makeEmployeeAnswers())).status,
      ).toBe(201)
    }
    expect(
      (await submit(customers.invitees['c4@example.com']!.token!, makeCustomerAnswers())).status,
    ).toBe(201)

    const stored = await t.db
      .select({
        id: responses.id,
        audience: responses.audience,
        at: responses.submittedAt,
        started: responses.startedAt,
      })
      .from(responses)
    const customerIds = stored
      .filter((r) => r.audience === 'customer')
      .map((r) => r.id)
      .sort((a, b) => a - b)
    const employee = stored.filter((r) => r.audience === 'employee')
    // No gap in the customers' ids betrays an employee response between two of them.
    expect(customerIds).toEqual([
      customerIds[0]!,
      customerIds[0]! + 1,
      customerIds[0]! + 2,
      customerIds[0]! + 3,
    ])
    for (const e of employee) {
      expect(e.id).toBeLessThan(0)
      expect(e.started).toBeNull()
      expect(e.at.getTime() % 86_400_000).toBe(0)
    }
  })
})

describe('employee anonymity against HR: groups defined by the contact list', () => {
  const importInto = async (csv: string[][]) => {
    const t = await makeTestApp()
    const { wave } = await createWave(t.db, { surveyId: 'employee', name: 'Staff' })
    const result = importContacts(t.store, wave, rows(csv)).then(
      (r) => ({ ok: true as const, r }),
      (err: Error & { problems?: { row: number; message: string }[] }) => ({
        ok: false as const,
        problems: err.problems ?? [],
      }),
    )
    return { t, wave, result: await result }
  }

  test('a free-text group as fine as one person is refused: only the survey’s segment questions', async () => {
    const { t, result } = await importInto([
      ['email', 'team'],
      ['e1@example.com', 'team-of-pat'],
    ])
    expect(result.ok).toBe(false)
    expect(result.ok || result.problems[0]!.message).toMatch(/column "team".*\(department\)/)
    expect(await t.db.select().from(invitations)).toEqual([])
  })

  test('a department value outside the survey’s choices is refused by row; its text or value is accepted', async () => {
    const refused = await importInto([
      ['email', 'department'],
      ['e1@example.com', 'Sales'],
      ['e2@example.com', 'sales-north-pat'],
    ])
    expect(refused.result.ok).toBe(false)
    expect(refused.result.ok || refused.result.problems).toEqual([
      { row: 3, message: expect.stringMatching(/department: "sales-north-pat" is not one of/) },
    ])
    expect(await refused.t.db.select().from(invitations)).toEqual([])

    const accepted = await importInto([
      ['email', 'department'],
      ['e1@example.com', 'Customer service'],
      ['e2@example.com', 'operations'],
    ])
    expect(accepted.result.ok).toBe(true)
    const stored = await accepted.t.db.select({ s: invitations.segments }).from(invitations)
    expect(
      stored.map((r) => r.s).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([{ department: 'customer_service' }, { department: 'operations' }])
  })
})
