import { describe, expect, test } from 'vitest'
import { closeWave, createWave } from '../../../server/db/waves'
import { json } from '../../api/target'
import { makeEmployeeAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

type Row = {
  key: string
  n: number
  mean: { mean: number; ciLow: number; ciHigh: number } | null
  top2: { p: number } | null
  band: string | null
  suppressed: string | null
}

async function staffWave() {
  const t = await makeTestApp()
  const { wave, openLinkToken } = await createWave(t.db, {
    surveyId: 'employee',
    name: 'Staff',
    openLink: true,
  })
  const hr = await signedInAs(t.app, t.store, 'hr')
  const answer = async (data: Record<string, unknown>) =>
    expect(
      (await t.app.request(`/api/links/${openLinkToken}/responses`, json(submission(data)))).status,
    ).toBe(201)
  const report = async (query = '') =>
    (
      await t.app.request(`/api/waves/${wave.id}/report${query}`, { headers: { cookie: hr } })
    ).json()
  return { ...t, wave, answer, report }
}

describe('the HR attitude table of an employee wave', () => {
  test('per item n, mean with CI, band and top-2-box, from the released answers', async () => {
    const t = await staffWave()
    const pride = [5, 4, 4, 3, 5, 2]
    for (const p of pride)
      await t.answer(makeEmployeeAnswers({ attitude: { pride: p, training: 3 } }))
    await closeWave(t.db, t.wave.id, new Date())
    const body = await t.report()
    expect(body.attitude.items.map((i: { key: string }) => i.key)).toEqual([
      'job_satisfaction',
      'pride',
      'understand_customers',
      'training',
      'tools',
      'teamwork',
      'recommend_employer',
    ])
    const rows: Row[] = body.attitude.groups[0].rows
    const row = rows.find((r) => r.key === 'pride')!
    // Independently: mean 23/6, s² = (6·95 − 23²)/30 = 41/30, t(0.975, 5) = 2.570581835636314.
    const mean = 23 / 6
    const half = (2.570581835636314 * Math.sqrt(41 / 30)) / Math.sqrt(6)
    expect(row.n).toBe(6)
    expect(row.mean!.mean).toBeCloseTo(mean, 12)
    expect(row.mean!.ciLow).toBeCloseTo(mean - half, 9)
    expect(row.mean!.ciHigh).toBeCloseTo(mean + half, 9)
    expect(row.top2!.p).toBeCloseTo(4 / 6, 12)
    // (23/6 − 1)/4·10 = 7.083 on /10: adequate.
    expect(row.band).toBe('adequate')
    // Nobody answered teamwork: no number, nothing withheld.
    expect(rows.find((r) => r.key === 'teamwork')).toMatchObject({ n: 0, mean: null })
  })

  test('an attitude item answered by one of the new people holds the release back', async () => {
    const t = await staffWave()
    for (let i = 0; i < 5; i++)
      await t.answer(makeEmployeeAnswers({ attitude: { pride: 4, training: 3 } }))
    const first = await t.report()
    expect(first.release).toMatchObject({ seq: 1, responses: 5 })
    // Five more, but only one of them rates "tools": that one answer would show as a change.
    await t.answer(makeEmployeeAnswers({ attitude: { pride: 4, training: 3, tools: 1 } }))
    for (let i = 0; i < 4; i++)
      await t.answer(makeEmployeeAnswers({ attitude: { pride: 4, training: 3 } }))
    const second = await t.report()
    expect(second.release).toMatchObject({ seq: 1, responses: 5, pending: true })
    expect(second.attitude).toEqual(first.attitude)
  })
})
