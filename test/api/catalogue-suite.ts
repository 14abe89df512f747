import { describe, expect, test } from 'vitest'
import type { ApiTarget } from './target'
import { submission } from '../helpers/answers'
import { json } from './target'

/**
 * The catalogue on both runtimes: a list long enough to need several inserts under D1's
 * 100-parameter limit replaces the old one in one atomic write, and a survey built from it is
 * published. The workerd database is shared by the whole file, so the survey id is new.
 */
export function catalogueSuite(target: () => ApiTarget) {
  const signIn = async (role: 'admin' | 'manager') => {
    const user = { email: `${crypto.randomUUID()}@example.com`, role, password: 'correct horse' }
    await target().createUser(user)
    const res = await target().fetch(
      '/api/auth/sign-in/email',
      json(user, { headers: { Origin: target().origin } }),
    )
    expect(res.status).toBe(200)
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    return (method: string, path: string, body?: unknown) =>
      target().fetch(path, {
        method,
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
  }

  describe('PUT /api/catalogue, POST /api/catalogue/publish', () => {
    test('40 items are saved in order, replaced whole, and published as a survey', async () => {
      const call = await signIn('manager')
      const items = Array.from({ length: 40 }, (_, i) => ({
        key: `item_${String(i).padStart(2, '0')}`,
        kind: 'attribute',
        label: `Item ${i}`,
        description: i % 2 ? `About item ${i}` : null,
        audiences: i % 3 ? ['customer', 'employee'] : ['wholesaler'],
      }))
      const saved = await call('PUT', '/api/catalogue', { items })
      expect(saved.status).toBe(200)
      expect(await saved.json()).toEqual({ items, saved: true })
      const shorter = items.slice(0, 20).reverse()
      expect((await call('PUT', '/api/catalogue', { items: shorter })).status).toBe(200)
      expect((await (await call('GET', '/api/catalogue')).json()).items).toEqual(shorter)

      const surveyId = `catalogue-${crypto.randomUUID().slice(0, 8)}`
      const published = await call('POST', '/api/catalogue/publish', {
        audience: 'customer',
        surveyId,
      })
      expect(published.status).toBe(200)
      const body = await published.json()
      expect(body).toMatchObject({ id: surveyId, version: 1, created: true })
      const rated = shorter.filter((i) => i.audiences.includes('customer')).map((i) => i.key)
      expect(body.changes.added).toEqual(rated)

      // Respondents answer it: the new keys are rows of its attributes matrix.
      const wave = await target().createWave({ surveyId, name: 'Built from the catalogue' })
      const answers = {
        overall: 4,
        rebuy: 5,
        attributes: Object.fromEntries(rated.map((k, i) => [k, (i % 5) + 1])),
        comments: 'Quick delivery',
      }
      const answered = await target().fetch(
        `/api/links/${wave.token}/responses`,
        json(submission(answers)),
      )
      expect(answered.status).toBe(201)
      const [stored] = await target().responses(wave.id)
      expect(stored!.answers).toMatchObject(answers)
    })
  })
}
