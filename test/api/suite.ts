import { describe, expect, test } from 'vitest'
import { makeCustomerAnswers, submission } from '../helpers/answers'
import type { ApiTarget } from './target'
import { json } from './target'

/**
 * The API contract, run unchanged against Node (better-sqlite3) and workerd (D1). Each test
 * makes its own wave, so tests never depend on each other's data.
 */
export function apiSuite(target: () => ApiTarget) {
  describe('GET /api/health', () => {
    test('answers ok after a real query, naming the runtime', async () => {
      const res = await target().fetch('/api/health')
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ status: 'ok', runtime: target().runtime, db: 'ok' })
    })
  })

  describe('GET /api/links/:token', () => {
    test('gives the wave and its pinned survey for an open link', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Pilot' })
      const res = await target().fetch(`/api/links/${wave.token}`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as {
        wave: { id: string; name: string }
        survey: { id: string; version: number; definition: { audience: string } }
      }
      expect(body.wave).toMatchObject({ id: wave.id, name: 'Pilot' })
      expect(body.survey).toMatchObject({ id: 'customer', version: 1 })
      expect(body.survey.definition.audience).toBe('customer')
    })

    test('unknown link: 404 with the one error envelope, nothing about any wave', async () => {
      const res = await target().fetch(`/api/links/${'A'.repeat(43)}`)
      expect(res.status).toBe(404)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('NOT_FOUND')
      expect(body.error.message).toMatch(/not valid/)
    })

    test('closed wave: 410 and the link says the survey has closed', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Closed' })
      await target().closeWave(wave.id)
      const res = await target().fetch(`/api/links/${wave.token}`)
      expect(res.status).toBe(410)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('GONE')
    })
  })

  describe('POST /api/links/:token/responses', () => {
    const post = async (token: string, body: unknown, init?: RequestInit) =>
      target().fetch(`/api/links/${token}/responses`, { ...json(body), ...init })

    test('stores a valid response with mode web, audience and segments', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Store' })
      const res = await post(
        wave.token,
        submission(makeCustomerAnswers({ region: 'north', comments: 'Quick delivery' })),
      )
      expect(res.status).toBe(201)
      expect(await res.json()).toEqual({ status: 'received' })
      const stored = await target().responses(wave.id)
      expect(stored).toHaveLength(1)
      expect(stored[0]).toMatchObject({
        mode: 'web',
        audience: 'customer',
        segments: { region: 'north' },
      })
      expect(stored[0]!.answers).toMatchObject({ overall: 4, rebuy: 5, comments: 'Quick delivery' })
    })

    test('numeric strings in matrix cells are stored as numbers', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Strings' })
      const answers = makeCustomerAnswers()
      ;(answers.attributes as Record<string, unknown>).order_accuracy = '4'
      expect((await post(wave.token, submission(answers))).status).toBe(201)
      const [stored] = await target().responses(wave.id)
      expect((stored!.answers.attributes as Record<string, unknown>).order_accuracy).toBe(4)
    })

    test.each([
      ['zero', 0],
      ['six', 6],
      ['a fraction', 3.5],
      ['"4x"', '4x'],
      ['an array', [4]],
      ['an object', { v: 4 }],
      ['a boolean', true],
    ])('refuses overall = %s, naming the question, and stores nothing', async (_label, value) => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Bad' })
      const res = await post(wave.token, submission(makeCustomerAnswers({ overall: value })))
      expect(res.status).toBe(400)
      const body = (await res.json()) as {
        error: { code: string; message: string; issues: Array<{ path: string; message: string }> }
      }
      expect(body.error.code).toBe('BAD_REQUEST')
      expect(body.error.issues.map((i) => i.path)).toEqual(['data.overall'])
      expect(body.error.message).toContain('overall')
      expect(await target().responses(wave.id)).toHaveLength(0)
    })

    test('names every bad question at once: unknown, missing required, bad matrix cell', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Many' })
      const answers = makeCustomerAnswers({ favourite_colour: 'blue' })
      delete answers.rebuy
      ;(answers.attributes as Record<string, unknown>).delivery_reliability = 7
      const res = await post(wave.token, submission(answers))
      expect(res.status).toBe(400)
      const body = (await res.json()) as {
        error: { issues: Array<{ path: string; message: string }> }
      }
      const paths = body.error.issues.map((i) => i.path).sort()
      expect(paths).toEqual(['data.attributes', 'data.favourite_colour', 'data.rebuy'])
      expect(body.error.issues.find((i) => i.path === 'data.attributes')!.message).toContain(
        'delivery_reliability',
      )
      expect(await target().responses(wave.id)).toHaveLength(0)
    })

    test('the same submission key twice stores one response (409 the second time)', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Twice' })
      const body = submission(makeCustomerAnswers())
      expect((await post(wave.token, body)).status).toBe(201)
      const again = await post(wave.token, body)
      expect(again.status).toBe(409)
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('CONFLICT')
      expect(await target().responses(wave.id)).toHaveLength(1)
    })

    test('concurrent submits of one key store exactly one response', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Race' })
      const body = submission(makeCustomerAnswers())
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () => post(wave.token, body).then((r) => r.status)),
      )
      expect(statuses.filter((s) => s === 201)).toHaveLength(1)
      expect(statuses.filter((s) => s === 409)).toHaveLength(19)
      expect(await target().responses(wave.id)).toHaveLength(1)
    })

    test('a closed wave refuses submissions with 410', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Late' })
      await target().closeWave(wave.id)
      expect((await post(wave.token, submission(makeCustomerAnswers()))).status).toBe(410)
      expect(await target().responses(wave.id)).toHaveLength(0)
    })

    test('malformed JSON is a 400 that says so, not a 500', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Malformed' })
      const res = await post(wave.token, '{"data": {"overall": 4', {})
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/JSON/i)
    })

    test('a wrong content type is a 415 naming the type', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Form' })
      const res = await target().fetch(`/api/links/${wave.token}/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'overall=4',
      })
      expect(res.status).toBe(415)
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
        'application/x-www-form-urlencoded',
      )
    })

    test('an oversized body is a 413 and nothing is stored', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Huge' })
      const res = await post(
        wave.token,
        submission(makeCustomerAnswers({ comments: 'x'.repeat(300_000) })),
      )
      expect(res.status).toBe(413)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'PAYLOAD_TOO_LARGE',
      )
      expect(await target().responses(wave.id)).toHaveLength(0)
    })

    test('a body without data or with extra fields names the field', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Shape' })
      const res = await post(wave.token, { submissionKey: crypto.randomUUID(), extra: 1 })
      expect(res.status).toBe(400)
      const body = (await res.json()) as { error: { issues: Array<{ path: string }> } }
      expect(body.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['data']))
    })
  })

  describe('GET /s/:token', () => {
    test('an unknown link gets a friendly page with 404 and no-referrer', async () => {
      const res = await target().fetch(`/s/${'B'.repeat(43)}`)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(await res.text()).toContain('Link not recognised')
    })

    test('a closed wave gets a friendly page that says it has closed', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Shut' })
      await target().closeWave(wave.id)
      const res = await target().fetch(`/s/${wave.token}`)
      expect(res.status).toBe(410)
      expect(await res.text()).toContain('This survey has closed')
    })
  })

  describe('unknown API routes', () => {
    test('404 in the error envelope', async () => {
      const res = await target().fetch('/api/nope')
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
    })
  })
}

/**
 * Dashboard sign-in on both runtimes: session cookie, who-am-I, sign-out, and the back-off
 * counted in the database (so it holds across Worker isolates). Each test has its own user.
 */
export function authSuite(target: () => ApiTarget) {
  const newUser = async (role: 'admin' | 'manager' | 'hr' = 'manager') => {
    const user = {
      email: `${crypto.randomUUID()}@example.com`,
      role,
      password: 'correct horse battery',
    }
    await target().createUser(user)
    return user
  }
  const post = (path: string, body: unknown, cookie?: string) =>
    target().fetch(
      path,
      json(body, { headers: { Origin: target().origin, ...(cookie ? { Cookie: cookie } : {}) } }),
    )
  const signIn = (email: string, password: string) =>
    post('/api/auth/sign-in/email', { email, password })
  const sessionCookie = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')

  describe('GET /api/waves/:id/report', () => {
    test('reports from the aggregates kept with each response (hand-computed means)', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Report' })
      // overall 5, 4, 2 → mean 11/3; delivery_reliability 3, missing, 5 → mean 4 on n = 2
      const answers = [
        makeCustomerAnswers({ overall: 5, region: 'north' }),
        makeCustomerAnswers({ overall: 4, region: 'north' }),
        makeCustomerAnswers({ overall: 2, region: 'south' }),
      ]
      delete (answers[1]!.attributes as Record<string, unknown>).delivery_reliability
      ;(answers[2]!.attributes as Record<string, unknown>).delivery_reliability = 5
      for (const a of answers) {
        const res = await target().fetch(`/api/links/${wave.token}/responses`, json(submission(a)))
        expect(res.status).toBe(201)
      }
      const user = await newUser('manager')
      const cookie = sessionCookie(await signIn(user.email, user.password))
      const res = await target().fetch(`/api/waves/${wave.id}/report?by=region&csi=overall`, {
        headers: { Cookie: cookie },
      })
      expect(res.status).toBe(200)
      type Group = {
        segment: { value: string } | null
        n: number
        csi: { mean: number }
        attributes: { key: string; n: number; mean: number }[]
      }
      const body = (await res.json()) as { groups: Group[] }
      const all = body.groups.find((g) => g.segment === null)!
      expect(all.n).toBe(3)
      expect(all.csi.mean).toBeCloseTo(11 / 3, 12)
      expect(all.attributes.find((a) => a.key === 'delivery_reliability')).toMatchObject({
        n: 2,
        mean: 4,
      })
      expect(body.groups.filter((g) => g.segment).map((g) => [g.segment!.value, g.n])).toEqual([
        ['north', 2],
        ['south', 1],
      ])
      expect((await target().fetch(`/api/waves/${wave.id}/report`)).status).toBe(401)
    })
  })

  describe('wave results: trend, comments, CSV downloads', () => {
    test('work on this runtime, from the same data as the report', async () => {
      const wave = await target().createWave({ surveyId: 'customer', name: 'Results' })
      const answers = [
        makeCustomerAnswers({ overall: 5, rebuy: 5, comments: 'Great service' }),
        makeCustomerAnswers({ overall: 1, rebuy: 1, low_score_reason: 'Late', comments: '=1+1' }),
        makeCustomerAnswers({ overall: 3, rebuy: 3 }),
      ]
      for (const a of answers) {
        const res = await target().fetch(`/api/links/${wave.token}/responses`, json(submission(a)))
        expect(res.status).toBe(201)
      }
      const user = await newUser('manager')
      const cookie = sessionCookie(await signIn(user.email, user.password))
      const get = (path: string) => target().fetch(path, { headers: { Cookie: cookie } })
      const report = (await (await get(`/api/waves/${wave.id}/report`)).json()) as {
        groups: { csi: { mean: number } }[]
      }
      const trend = (await (await get(`/api/waves/${wave.id}/trend`)).json()) as {
        points: { waveId: string; csi: { mean: number } }[]
      }
      // Other tests' customer waves may share this database: find this wave's point.
      const point = trend.points.find((p) => p.waveId === wave.id)!
      expect(point.csi.mean).toBe(report.groups[0]!.csi.mean)
      const comments = (await (await get(`/api/waves/${wave.id}/comments`)).json()) as {
        total: number
        bands: { band: string; comments: { text: string }[] }[]
      }
      expect(comments.total).toBe(2)
      const concern = comments.bands.find((b) => b.band === 'concern')!
      expect(concern.comments.map((c) => c.text).sort()).toEqual(['=1+1', 'Late'])
      const csv = await get(`/api/waves/${wave.id}/responses.csv`)
      expect(csv.status).toBe(200)
      const text = await csv.text()
      expect(text.split('\r\n').filter(Boolean)).toHaveLength(4)
      expect(text).toContain("'=1+1")
      const reportCsv = await get(`/api/waves/${wave.id}/report.csv`)
      expect(reportCsv.status).toBe(200)
      expect(await reportCsv.text()).toMatch(/^section,audience,/)
    })
  })

  describe('sign-in, /api/me, sign-out', () => {
    test('a session cookie (HttpOnly, SameSite=Lax) that /api/me accepts until sign-out', async () => {
      const user = await newUser('hr')
      const res = await signIn(user.email, user.password)
      expect(res.status).toBe(200)
      const body = (await res.json()) as { user: { email: string; role: string }; token?: string }
      expect(body.user).toMatchObject({ email: user.email, role: 'hr' })
      expect(body.token).toBeUndefined()
      const [setCookie] = res.headers.getSetCookie()
      expect(setCookie).toMatch(/^csi\.session_token=[^;]+;/)
      expect(setCookie).toMatch(/; HttpOnly/)
      expect(setCookie).toMatch(/; SameSite=Lax/i)
      const cookie = sessionCookie(res)

      const me = await target().fetch('/api/me', { headers: { Cookie: cookie } })
      expect(me.status).toBe(200)
      expect(await me.json()).toEqual({
        user: { id: expect.any(String), email: user.email, role: 'hr' },
      })

      expect((await post('/api/auth/sign-out', {}, cookie)).status).toBe(200)
      const after = await target().fetch('/api/me', { headers: { Cookie: cookie } })
      expect(after.status).toBe(401)
      expect(((await after.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED')
    })

    test('a wrong password is a 401 in the error envelope, with no cookie', async () => {
      const user = await newUser()
      const res = await signIn(user.email, 'not the password')
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'Invalid email or password' },
      })
      expect(res.headers.getSetCookie()).toEqual([])
    })

    test('/api/me without a session is a 401', async () => {
      const res = await target().fetch('/api/me')
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED')
    })

    test('after 5 failures from one address the 6th attempt backs off 30 s, even with the right password', async () => {
      const user = await newUser()
      for (let i = 0; i < 5; i++) expect((await signIn(user.email, `wrong ${i}`)).status).toBe(401)
      const res = await signIn(user.email, user.password)
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(20)
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(30)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'TOO_MANY_REQUESTS',
      )
    })
  })
}
