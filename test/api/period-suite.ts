import { describe, expect, test } from 'vitest'
import { periodKey } from '../../reports'
import { makeCustomerAnswers, submission } from '../helpers/answers'
import type { ApiTarget } from './target'
import { json } from './target'

/**
 * Continuous waves on both runtimes: the reporting_period column (migration 0014 on D1 too), an
 * edit that rebuilds the aggregates in atomic writes (D1 batches on workerd), the period segment.
 */
export function periodSuite(target: () => ApiTarget) {
  const manager = async () => {
    const user = {
      email: `${crypto.randomUUID()}@example.com`,
      role: 'manager' as const,
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

  describe('a continuous wave', () => {
    test('made monthly after its first answers: they move into their month, by=period and /periods agree', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Always on' })
      const cookie = await manager()
      for (const overall of [4, 5, 3]) {
        const res = await target().fetch(
          `/api/links/${wave.token}/responses`,
          json(submission(makeCustomerAnswers({ overall }))),
        )
        expect(res.status).toBe(201)
      }
      const month = periodKey(new Date(), 'month')
      const made = await target().fetch(`/api/waves/${wave.id}`, {
        ...json({ reportingPeriod: 'month' }, { headers: { Cookie: cookie } }),
        method: 'PATCH',
      })
      expect(made.status, await made.clone().text()).toBe(200)
      const res = await target().fetch(`/api/waves/${wave.id}/report?by=period&csi=overall`, {
        headers: { Cookie: cookie },
      })
      expect(res.status).toBe(200)
      const report = (await res.json()) as {
        groups: { segment: { column: string; value: string } | null; n: number }[]
      }
      expect(report.groups.map((g) => [g.segment?.value ?? null, g.n])).toEqual([
        [null, 3],
        [month, 3],
      ])
      const periods = await target().fetch(`/api/waves/${wave.id}/periods`, {
        headers: { Cookie: cookie },
      })
      expect(periods.status).toBe(200)
      const line = (await periods.json()) as {
        points: { period: string; responses: number; suppressed: boolean }[]
      }
      expect(line.points.at(-1)).toEqual(
        expect.objectContaining({ period: month, responses: 3, suppressed: true }),
      )
      const stored = await target().responses(wave.id)
      expect(stored).toHaveLength(3)
    })
  })
}
