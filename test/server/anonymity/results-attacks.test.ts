import { describe, expect, test } from 'vitest'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave, closeWave } from '../../../server/db/waves'
import { submitResponse } from '../../../server/responses/submit-response'
import { json } from '../../api/target'
import { makeCustomerAnswers, makeEmployeeAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

// SPEC §6a: HR (or admin), with only the API, tries to recover one employee's ratings from the
// results: differencing over time, pooling, a smaller threshold, two breakdowns, comments, trend.

type Group = { audience: string; segment: { column: string; value: string } | null; n: number }

async function setUp() {
  const t = await makeTestApp()
  const hr = await signedInAs(t.app, t.store, 'hr')
  const staffWave = async (name = 'Staff', opensAt?: Date) => {
    const { wave, openLinkToken } = await createWave(t.db, {
      surveyId: 'employee',
      name,
      openLink: true,
      opensAt,
    })
    return { id: wave.id, token: openLinkToken! }
  }
  const answer = async (token: string, data: Record<string, unknown>) => {
    const res = await t.app.request(`/api/links/${token}/responses`, json(submission(data)))
    expect(res.status).toBe(201)
  }
  const read = async (path: string) => {
    const res = await t.app.request(path, { headers: { cookie: hr } })
    return { status: res.status, body: await res.json() }
  }
  const report = async (id: string, query = '') => {
    const r = await read(`/api/waves/${id}/report${query}`)
    expect(r.status).toBe(200)
    return r.body as { groups: Group[]; release: { seq: number | null; responses: number } }
  }
  return { ...t, hr, staffWave, answer, read, report }
}

const staffer = (overall: number, department = 'sales', comments?: string) =>
  makeEmployeeAnswers({ overall, department, ...(comments ? { comments } : {}) })

describe('employee anonymity against HR: results', () => {
  test('differencing over time: one more response changes nothing HR can read until k more arrive', async () => {
    const t = await setUp()
    const w = await t.staffWave()
    for (const overall of [3, 4, 4, 5, 3]) await t.answer(w.token, staffer(overall))
    const before = await t.report(w.id, '?by=department')
    expect(before.release).toMatchObject({ seq: 1, responses: 5 })

    // The victim answers; HR watches the overview count go up and reads the report again.
    await t.answer(w.token, staffer(1))
    const after = await t.report(w.id, '?by=department')
    expect(after.groups).toEqual(before.groups)
    expect(after.release).toMatchObject({ seq: 1, responses: 5, pending: true })

    // Only once k more have answered does it change, by k people at once.
    for (const overall of [2, 5, 4, 3]) await t.answer(w.token, staffer(overall))
    const next = await t.report(w.id, '?by=department')
    expect(next.release).toMatchObject({ seq: 2, responses: 10 })
    expect(next.groups.find((g) => g.segment === null)!.n).toBe(10)
  })

  test('differencing by item: k new people of whom only one rated an attribute hold the release back', async () => {
    const t = await setUp()
    const w = await t.staffWave()
    for (let i = 0; i < 5; i++) await t.answer(w.token, staffer(4))
    await t.report(w.id)
    const { attributes } = makeEmployeeAnswers() as { attributes: Record<string, number> }
    const without = { ...attributes }
    delete without.product_quality
    await t.answer(w.token, { ...staffer(2), attributes: attributes })
    for (let i = 0; i < 4; i++) await t.answer(w.token, { ...staffer(3), attributes: without })
    expect((await t.report(w.id)).release).toMatchObject({ seq: 1, responses: 5 })
    // At close everything is released (SPEC: "or at close").
    await closeWave(t.db, w.id, new Date())
    expect((await t.report(w.id)).release).toMatchObject({ seq: 2, responses: 10, final: true })
  })

  test('a paper answer keyed after the close waits like any other: the final release does not move by one', async () => {
    const t = await setUp()
    const w = await t.staffWave()
    for (let i = 0; i < 6; i++) await t.answer(w.token, staffer(4))
    await closeWave(t.db, w.id, new Date())
    const final = await t.report(w.id)
    expect(final.release).toMatchObject({ seq: 1, responses: 6, final: true })
    const loaded = (await loadWaveSurvey(t.db, w.id))!
    await submitResponse(
      t.store,
      { state: 'open', ...loaded, invitation: null },
      { data: staffer(1), mode: 'postal', now: new Date(), host: 'localhost' },
    )
    const late = await t.report(w.id)
    expect(late.groups).toEqual(final.groups)
    expect(late.release).toMatchObject({ seq: 1, responses: 6, pending: true })
  })

  test('pooling: an employee wave with another employee wave is refused, naming the option', async () => {
    const t = await setUp()
    const a = await t.staffWave('A')
    const b = await t.staffWave('B')
    for (let i = 0; i < 10; i++) await t.answer(a.token, staffer(4, i < 5 ? 'sales' : 'operations'))
    await t.answer(b.token, staffer(1, 'operations'))
    const pooled = await t.read(`/api/waves/${a.id}/report?by=department&with=${b.id}`)
    expect(pooled.status).toBe(400)
    expect(pooled.body.error.message).toMatch(/^with: employee waves are reported one at a time/)
    const csv = await t.app.request(`/api/waves/${a.id}/report.csv?with=${b.id}`, {
      headers: { cookie: t.hr },
    })
    expect(csv.status).toBe(400)
  })

  test('the threshold is not a request option: ?minGroup=3 is refused and a group of 3 stays hidden', async () => {
    const t = await setUp()
    const w = await t.staffWave()
    for (const [overall, department] of [
      [1, 'operations'],
      [1, 'operations'],
      [5, 'operations'],
      [4, 'sales'],
      [4, 'sales'],
      [3, 'sales'],
      [5, 'sales'],
      [4, 'sales'],
      [2, 'sales'],
      [3, 'sales'],
    ] as const)
      await t.answer(w.token, staffer(overall, department))
    await closeWave(t.db, w.id, new Date())
    const asked = await t.read(`/api/waves/${w.id}/report?by=department&minGroup=3`)
    expect(asked.status).toBe(400)
    expect(asked.body.error.issues[0].path).toBe('minGroup')
    const { groups } = await t.report(w.id, '?by=department')
    const operations = groups.find((g) => g.segment?.value === 'operations') as Group & {
      suppressed: boolean
      csi: unknown
    }
    expect(operations.suppressed).toBe(true)
    expect(JSON.stringify(operations)).not.toContain('2.333')
  })

  test('two breakdowns: an employee wave breaks down only by its survey’s one grouping', async () => {
    const t = await setUp()
    const w = await t.staffWave()
    for (let i = 0; i < 10; i++) await t.answer(w.token, staffer(4))
    const other = await t.read(`/api/waves/${w.id}/report?by=region`)
    expect(other.status).toBe(400)
    expect(other.body.error.message).toMatch(
      /^by: an employee wave is broken down only by "department"/,
    )
    const both = await t.read(`/api/waves/${w.id}/report?by=department,region`)
    expect(both.status).toBe(400)
    expect((await t.read(`/api/waves/${w.id}/report?by=department`)).status).toBe(200)
  })

  test('comments: never beside a rating, not regrouped by another item, only from the release', async () => {
    const t = await setUp()
    const w = await t.staffWave()
    for (let i = 0; i < 10; i++) await t.answer(w.token, staffer(1 + (i % 5), 'sales', `note ${i}`))
    const first = await t.read(`/api/waves/${w.id}/comments?by=overall`)
    const again = await t.read(`/api/waves/${w.id}/comments?by=product_quality`)
    expect(again.body.bands).toEqual(first.body.bands)
    const shown = first.body.bands.flatMap((b: { comments: { rating: unknown }[] }) => b.comments)
    expect(shown).toHaveLength(10)
    expect(shown.every((c: { rating: unknown }) => c.rating === null)).toBe(true)
    // A comment sent after the release waits for the next one.
    await t.answer(w.token, staffer(1, 'sales', 'the late one'))
    const later = await t.read(`/api/waves/${w.id}/comments`)
    expect(JSON.stringify(later.body)).not.toContain('the late one')
  })

  test('trend: a wave’s point is its release, so a response between two reads moves nothing', async () => {
    const t = await setUp()
    const w = await t.staffWave()
    for (let i = 0; i < 5; i++) await t.answer(w.token, staffer(4))
    const before = await t.read(`/api/waves/${w.id}/trend`)
    await t.answer(w.token, staffer(1))
    const after = await t.read(`/api/waves/${w.id}/trend`)
    expect(after.status).toBe(200)
    expect(after.body).toEqual(before.body)
  })

  test('a customer wave is still live: a response shows at once', async () => {
    const t = await setUp()
    const { wave, openLinkToken } = await createWave(t.db, {
      surveyId: 'customer',
      name: 'C',
      openLink: true,
    })
    const admin = await signedInAs(t.app, t.store, 'admin')
    const n = async () =>
      (
        await (
          await t.app.request(`/api/waves/${wave.id}/report`, { headers: { cookie: admin } })
        ).json()
      ).groups[0]?.n ?? 0
    await t.answer(openLinkToken!, makeCustomerAnswers())
    expect(await n()).toBe(1)
    await t.answer(openLinkToken!, makeCustomerAnswers())
    expect(await n()).toBe(2)
  })
})
