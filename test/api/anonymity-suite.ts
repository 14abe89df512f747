import { describe, expect, test } from 'vitest'
import { makeEmployeeAnswers, submission } from '../helpers/answers'
import type { ApiTarget } from './target'
import { json } from './target'

/**
 * Employee anonymity on both runtimes (SPEC §6a): the attacks that go through the API and the
 * database's own writes (releases are cut in one atomic write: a D1 batch on workerd).
 */
export function anonymitySuite(target: () => ApiTarget) {
  const hr = async () => {
    const user = {
      email: `${crypto.randomUUID()}@example.com`,
      role: 'hr' as const,
      password: 'correct horse battery',
    }
    await target().createUser(user)
    const res = await target().fetch(
      '/api/auth/sign-in/email',
      json(user, { headers: { Origin: target().origin } }),
    )
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  }
  const answer = async (token: string, overall: number) => {
    const res = await target().fetch(
      `/api/links/${token}/responses`,
      json(submission(makeEmployeeAnswers({ overall }))),
    )
    expect(res.status).toBe(201)
  }

  describe('employee results are released, not live', () => {
    test('one more response changes nothing HR reads; k more make the next release; close releases all', async () => {
      const wave = await target().createWave({ surveyId: 'employee', name: 'Staff' })
      const cookie = await hr()
      const report = async () => {
        const res = await target().fetch(`/api/waves/${wave.id}/report?by=department`, {
          headers: { Cookie: cookie },
        })
        expect(res.status).toBe(200)
        return (await res.json()) as { groups: unknown[]; release: Record<string, unknown> }
      }
      for (const overall of [3, 4, 4, 5, 3]) await answer(wave.token, overall)
      const first = await report()
      expect(first.release).toMatchObject({ seq: 1, responses: 5, final: false })
      await answer(wave.token, 1)
      const again = await report()
      expect(again.groups).toEqual(first.groups)
      expect(again.release).toMatchObject({ seq: 1, responses: 5, pending: true })
      await target().closeWave(wave.id)
      expect((await report()).release).toMatchObject({ seq: 2, responses: 6, final: true })
    })

    test('pooling employee waves and asking for a smaller threshold are refused', async () => {
      const a = await target().createWave({ surveyId: 'employee', name: 'A' })
      const b = await target().createWave({ surveyId: 'employee', name: 'B' })
      const cookie = await hr()
      const get = (q: string) =>
        target().fetch(`/api/waves/${a.id}/report${q}`, { headers: { Cookie: cookie } })
      expect((await get(`?with=${b.id}`)).status).toBe(400)
      expect((await get('?minGroup=3')).status).toBe(400)
    })
  })
}
